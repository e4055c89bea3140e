//! Vietnamese working-day calendar (placeholder; see issue 4).
