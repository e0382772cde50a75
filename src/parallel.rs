//! Work split over the machine's cores, with results in input order so
//! that no output depends on how many cores there are.

/// `f(index, item)` for every item of `items`, the items cut into one
/// contiguous run per core. A panic in `f` is raised again here.
pub fn map<'a, T: Sync, R: Send>(items: &'a [T], f: impl Fn(usize, &'a T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per_thread = items.len().div_ceil(threads).max(1);
    if per_thread >= items.len() {
        return items.iter().enumerate().map(|(i, x)| f(i, x)).collect();
    }
    let f = &f;
    std::thread::scope(|scope| {
        let workers: Vec<_> = items
            .chunks(per_thread)
            .enumerate()
            .map(|(n, run)| {
                scope.spawn(move || {
                    run.iter()
                        .enumerate()
                        .map(|(i, x)| f(n * per_thread + i, x))
                        .collect::<Vec<R>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| {
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::map;

    #[test]
    fn results_keep_the_order_and_indices_of_the_items() {
        let items: Vec<u32> = (0..1001).collect();
        let got = map(&items, |i, &x| (i, x * 2));
        let want: Vec<(usize, u32)> = (0..1001).map(|x| (x as usize, x * 2)).collect();
        assert_eq!(got, want);
        assert!(map(&[] as &[u32], |_, &x| x).is_empty());
        assert_eq!(map(&[7u8], |i, &x| (i, x)), [(0, 7)]);
    }
}
