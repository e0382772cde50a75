//! A reply's length in a channel's unit.

use unicode_segmentation::UnicodeSegmentation;

use super::twitter;
use crate::model::LengthUnit;

/// The length of `text` counted the way the channel counts it.
pub fn measure(text: &str, unit: LengthUnit) -> u32 {
    let n = match unit {
        LengthUnit::Chars => text.chars().count(),
        LengthUnit::Graphemes => text.graphemes(true).count(),
        LengthUnit::Utf16 => text.encode_utf16().count(),
        LengthUnit::TwitterWeighted => return twitter::weighted_length(text),
    };
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The name of a unit as the manifest spells it.
pub fn unit_name(unit: LengthUnit) -> &'static str {
    match unit {
        LengthUnit::Chars => "chars",
        LengthUnit::Graphemes => "graphemes",
        LengthUnit::Utf16 => "utf16",
        LengthUnit::TwitterWeighted => "twitter-weighted",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_differ_on_emoji_and_marks() {
        let family = "👨‍👩‍👧‍👦";
        assert_eq!(measure(family, LengthUnit::Chars), 7);
        assert_eq!(measure(family, LengthUnit::Graphemes), 1);
        assert_eq!(measure(family, LengthUnit::Utf16), 11);
        assert_eq!(measure(family, LengthUnit::TwitterWeighted), 2);
        // Thai: a consonant with two marks is one grapheme, three chars.
        assert_eq!(measure("ที่", LengthUnit::Chars), 3);
        assert_eq!(measure("ที่", LengthUnit::Graphemes), 1);
    }
}
