//! How many PDFs are written at once.
//!
//! Typst's PDF writer (krilla) takes each font from Typst's process-wide memo, so every PDF
//! written at the same time shares one font object, whose reference count krilla changes
//! several times for each glyph it writes. Two threads writing at once keep moving that
//! count's cache line between their cores: in a two-thread build krilla's glyph functions took
//! 20 % of the CPU against 9 % with one thread, and the 1 160-programme build 15 % more CPU in
//! all (benches/README.md (s)). So writes take turns — one for every two build threads —
//! and a thread waiting for its turn is rare: the other thread is usually laying out.

use std::sync::{Condvar, Mutex};

/// A counting semaphore over PDF writes, its limit set by the build for its thread count.
pub struct ExportSlots {
    /// (writes running, the most at once).
    state: Mutex<(usize, usize)>,
    freed: Condvar,
}

/// A running write's slot, given back when dropped (also when the write panics).
pub struct ExportSlot<'a>(&'a ExportSlots);

impl ExportSlots {
    pub fn new() -> ExportSlots {
        ExportSlots {
            state: Mutex::new((0, 1)),
            freed: Condvar::new(),
        }
    }

    /// Lets one PDF write run for every two of `threads` build threads (at least one).
    pub fn fit_to(&self, threads: usize) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.1 = threads.div_ceil(2).max(1);
        self.freed.notify_all();
    }

    /// Waits for a free slot.
    pub fn take(&self) -> ExportSlot<'_> {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        while state.0 >= state.1 {
            state = self.freed.wait(state).unwrap_or_else(|e| e.into_inner());
        }
        state.0 += 1;
        ExportSlot(self)
    }
}

impl Default for ExportSlots {
    fn default() -> Self {
        ExportSlots::new()
    }
}

impl Drop for ExportSlot<'_> {
    fn drop(&mut self) {
        let mut state = self.0.state.lock().unwrap_or_else(|e| e.into_inner());
        state.0 -= 1;
        self.0.freed.notify_one();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn no_more_writes_at_once_than_the_limit() {
        let slots = ExportSlots::new();
        slots.fit_to(4);
        let (running, most) = (AtomicUsize::new(0), AtomicUsize::new(0));
        std::thread::scope(|scope| {
            for _ in 0..6 {
                scope.spawn(|| {
                    for _ in 0..50 {
                        let _slot = slots.take();
                        let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(now, Ordering::SeqCst);
                        std::thread::yield_now();
                        running.fetch_sub(1, Ordering::SeqCst);
                    }
                });
            }
        });
        assert!((1..=2).contains(&most.load(Ordering::SeqCst)));
    }

    #[test]
    fn a_panicking_write_gives_its_slot_back() {
        let slots = ExportSlots::new();
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _slot = slots.take();
            panic!("a write failed");
        }));
        drop(slots.take());
    }
}
