//! Handbooks for people: the playbook as an onboarding document, in
//! Markdown and in self-contained HTML, for the whole team and for each
//! role. `compile` writes them all under `handbook/`; `carebook handbook`
//! prints one.
//!
//! The pipeline is data, then templates: `data` turns the checked
//! playbook and the router's own decisions on the samples into plain,
//! ordered values, and minijinja templates (`templates`) lay them out.
//! Playbook text only ever reaches a template as a value, so nothing in a
//! playbook is evaluated as a template, and HTML templates escape it.

mod clock;
mod data;
mod flow;
mod svg;
mod templates;

pub use data::Handbook;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use minijinja::Value;
use minijinja::value::Serde;

use super::{CompileError, CompileOptions, Compiled};
use crate::ir::Ir;
use crate::load::Playbook;
use crate::router::Router;
use data::Common;
use templates::Templates;

/// The format of a handbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
}

impl Format {
    pub const ALL: [Format; 2] = [Format::Markdown, Format::Html];

    /// The file extension, which is also how the main template is named.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }
}

/// The sections of a handbook whose embedded templates read only what
/// every handbook of a playbook shares (not its title, role, roles, teams,
/// onboarding or quiz). The tag glossary alone is over half of a large
/// playbook's handbook, so these render once per format, not per role.
const SHARED_SECTIONS: [&str; 5] = ["voice", "tags", "routing", "bot", "scenarios"];

/// Shared sections of one format by name, or the template error that
/// stopped them (as template name and message).
type Sections = Result<Value, (String, String)>;

/// Everything needed to render any handbook of one playbook: the shared
/// data, the templates and the drawings, made once.
pub struct Renderer {
    common: Common,
    templates: Templates,
    flow_svg: String,
    heatmap: Result<String, String>,
    /// By format, rendered by the first handbook that needs them.
    shared: [OnceLock<Sections>; 2],
}

impl Renderer {
    /// Prepares the handbooks of a checked playbook, with the templates
    /// of `templates` (a directory) replacing the embedded ones.
    pub fn new(pb: &Playbook, ir: &Ir, templates: Option<&Path>) -> Result<Renderer, CompileError> {
        let templates = Templates::new(templates)?;
        let router = Router::for_samples(ir)?;
        let common = Common::build(pb, ir, &router);
        let flow_svg = svg::render(common.flow());
        // The staffing heatmap of the first week; a playbook without a
        // forecast or service level gets a sentence instead of a picture.
        let heatmap = crate::staffing::plan::Plan::build(pb, pb.manifest.effective_from.0)
            .map(|plan| crate::staffing::heatmap::render(&plan))
            .map_err(|e| e.to_string());
        Ok(Renderer {
            common,
            templates,
            flow_svg,
            heatmap,
            shared: [OnceLock::new(), OnceLock::new()],
        })
    }

    /// The handbook of the whole team.
    pub fn full(&self) -> Handbook {
        self.common.full()
    }

    /// The handbook of role `id`; `None` when the playbook has no such role.
    pub fn for_role(&self, id: &str) -> Option<Handbook> {
        self.common.for_role(id)
    }

    /// The ids of the playbook's roles, in playbook order.
    pub fn roles(&self) -> Vec<String> {
        self.common.role_ids()
    }

    /// Renders `handbook` in `format`.
    pub fn render(&self, handbook: &Handbook, format: Format) -> Result<String, CompileError> {
        let (heatmap_svg, heatmap_note) = match &self.heatmap {
            Ok(svg) => (Value::from_safe_string(svg.clone()), Value::from(())),
            Err(why) => (Value::from(()), Value::from(why.clone())),
        };
        let data = minijinja::context! {
            flow_svg => Value::from_safe_string(self.flow_svg.clone()),
            heatmap_svg,
            heatmap_note,
            ..Value::from(Serde(handbook))
        };
        let sections = self.shared_sections(format, &data)?;
        let context = minijinja::context! { sections, ..data };
        let name = format!("handbook.{}", format.extension());
        self.templates.render(&name, context)
    }

    /// The shared sections in `format`, rendered with the first handbook's
    /// `data`: their templates read nothing that differs between
    /// handbooks. A section replaced by the trainer is left out, so the
    /// main template includes it with each handbook's own data.
    fn shared_sections(&self, format: Format, data: &Value) -> Result<Value, CompileError> {
        let index = match format {
            Format::Markdown => 0,
            Format::Html => 1,
        };
        let sections = self.shared[index].get_or_init(|| {
            let mut rendered: BTreeMap<&'static str, Value> = BTreeMap::new();
            for section in SHARED_SECTIONS {
                let name = format!("{section}.{}", format.extension());
                if !self.templates.is_embedded(&name) {
                    continue;
                }
                match self.templates.render(&name, data.clone()) {
                    Ok(text) => rendered.insert(section, Value::from_safe_string(text)),
                    Err(CompileError::Template { name, message }) => return Err((name, message)),
                    Err(other) => return Err((name, other.to_string())),
                };
            }
            Ok(Value::from_object(rendered))
        });
        sections
            .clone()
            .map_err(|(name, message)| CompileError::Template { name, message })
    }
}

/// Adds every handbook to a compile: `handbook/handbook.md|html` for the
/// whole team and `handbook/roles/ROLE.md|html` for each role.
pub fn add_to(
    out: &mut Compiled,
    pb: &Playbook,
    ir: &Ir,
    options: &CompileOptions,
) -> Result<(), CompileError> {
    let renderer = Renderer::new(pb, ir, options.templates.as_deref())?;
    let mut handbooks = vec![("handbook/handbook".to_string(), renderer.full())];
    for role in renderer.roles() {
        if let Some(hb) = renderer.for_role(&role) {
            handbooks.push((format!("handbook/roles/{role}"), hb));
        }
    }
    let jobs: Vec<(String, &Handbook, Format)> = handbooks
        .iter()
        .flat_map(|(stem, hb)| {
            Format::ALL.map(|format| (format!("{stem}.{}", format.extension()), hb, format))
        })
        .collect();
    // Each handbook renders on its own; a large playbook's take about a
    // second one after another, so they share the cores, joined in order,
    // so the files and the first error reported are always the same.
    let rendered = crate::parallel::map(&jobs, |_, (_, hb, format)| renderer.render(hb, *format));
    for ((path, _, _), text) in jobs.iter().zip(rendered) {
        out.add(path.clone(), text?);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rendered once, a shared section would show the first handbook's
    /// role in every other handbook if it read any of these.
    #[test]
    fn shared_sections_read_nothing_that_differs_between_handbooks() {
        let templates = Templates::new(None).expect("environment");
        let per_handbook = ["title", "role", "roles", "teams", "onboarding", "quiz"];
        for section in SHARED_SECTIONS {
            for format in Format::ALL {
                let name = format!("{section}.{}", format.extension());
                let read = templates.undeclared_variables(&name);
                for variable in per_handbook {
                    assert!(!read.contains(variable), "{name} reads {variable}");
                }
            }
        }
    }
}
