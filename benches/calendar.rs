//! A million due-date computations on the cached calendar.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use tthc::Duration;
use tthc::calendar::{Calendar, Date, DateTime};

fn due_dates(c: &mut Criterion) {
    let cal = Calendar::vietnam();
    let start = Date::new(2024, 1, 1).unwrap();
    // Warm the per-year tables so the loop measures the hot path.
    for y in 2024..=2027 {
        let _ = cal.holidays(y);
    }
    let durations = [
        Duration::working_days(7),
        Duration::parse("0,5 ngày làm việc").unwrap(),
        Duration::calendar_days(30),
        Duration::working_hours(4),
        Duration::same_day(),
        Duration::working_days(15),
    ];
    let inputs: Vec<(DateTime, Duration)> = (0..1_000_000u32)
        .map(|i| {
            let day = start.add_days(i64::from(i % 1000)).unwrap();
            let minute = (7 * 60 + (i * 37) % (11 * 60)) as u16;
            (
                DateTime::new(day, minute).unwrap(),
                durations[i as usize % durations.len()],
            )
        })
        .collect();
    let mut group = c.benchmark_group("calendar");
    group.sample_size(10);
    group.bench_function("due_date x 1,000,000", |b| {
        b.iter(|| {
            let mut n = 0u32;
            for &(t, d) in &inputs {
                if let Ok(due) = cal.due_date(black_box(t), black_box(d)) {
                    n = n.wrapping_add(u32::from(due.minute_of_day()));
                }
            }
            n
        })
    });
    group.finish();
}

criterion_group!(benches, due_dates);
criterion_main!(benches);
