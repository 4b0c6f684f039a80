//! Content for each x position of a chart (tooltips, announcements), made
//! when asked for rather than all at once: a timeline can have a million
//! positions, and only the focused one is shown at a time (tables ask for at
//! most a page of rows, the CSV download for all of them, once).

use std::fmt;
use std::rc::Rc;

/// One `T` per x position, made on demand by a shared function.
pub struct PerPosition<T> {
    len: usize,
    make: Rc<dyn Fn(usize) -> Option<T>>,
}

impl<T> PerPosition<T> {
    /// `len` positions; `make(i)` gives position `i` (called only for
    /// `i < len`).
    pub fn new(len: usize, make: impl Fn(usize) -> Option<T> + 'static) -> Self {
        Self {
            len,
            make: Rc::new(make),
        }
    }

    /// No positions.
    pub fn empty() -> Self {
        Self::new(0, |_| None)
    }

    /// Number of positions.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when there are no positions.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The item at `position`, made now; `None` past the end.
    pub fn get(&self, position: usize) -> Option<T> {
        if position < self.len {
            (self.make)(position)
        } else {
            None
        }
    }

    /// Every item in order, each made as the iterator reaches it.
    pub fn iter(&self) -> impl Iterator<Item = T> + '_ {
        (0..self.len).filter_map(|position| (self.make)(position))
    }
}

impl<T: Clone + 'static> PerPosition<T> {
    /// A fixed list (a few positions, such as a waterfall's three bars).
    pub fn from_vec(items: Vec<T>) -> Self {
        let len = items.len();
        Self::new(len, move |position| items.get(position).cloned())
    }
}

impl<T> Clone for PerPosition<T> {
    fn clone(&self) -> Self {
        Self {
            len: self.len,
            make: Rc::clone(&self.make),
        }
    }
}

/// Equal when made by the same function: comparing every position would
/// cost as much as making them all.
impl<T> PartialEq for PerPosition<T> {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && Rc::ptr_eq(&self.make, &other.make)
    }
}

impl<T> fmt::Debug for PerPosition<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PerPosition({} positions)", self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::PerPosition;
    use std::cell::Cell;
    use std::rc::Rc;

    #[test]
    fn items_are_made_only_when_asked_for() {
        let made = Rc::new(Cell::new(0));
        let counter = Rc::clone(&made);
        let squares = PerPosition::new(1_000_000, move |i| {
            counter.set(counter.get() + 1);
            Some(i * i)
        });
        assert_eq!(squares.len(), 1_000_000);
        assert_eq!(made.get(), 0);
        assert_eq!(squares.get(999), Some(998_001));
        assert_eq!(squares.get(1_000_000), None);
        assert_eq!(made.get(), 1);
        assert_eq!(squares.iter().take(3).collect::<Vec<_>>(), [0, 1, 4]);
        assert_eq!(made.get(), 4);
        assert_eq!(squares.clone(), squares);
        assert_ne!(
            PerPosition::from_vec(vec![1]),
            PerPosition::from_vec(vec![1])
        );
    }
}
