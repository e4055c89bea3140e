//! The legal basis of each kind of day, by period, as short texts in
//! Vietnamese and English (see docs/calendar.md for the sources).

use super::Date;
use crate::Text;

/// The Labour Code 2012 took effect on 1/5/2013 (Tết 5 days from Tết 2014).
pub(crate) const LABOUR_CODE_2012_FROM: (i32, u8, u8) = (2013, 5, 1);
/// The Labour Code 2019 took effect on 1/1/2021 (2/9 plus an adjacent day).
pub(crate) const LABOUR_CODE_2019_FROM: i32 = 2021;
/// The Labour Code 1994 took effect on 1/1/1995.
pub(crate) const LABOUR_CODE_1994_FROM: i32 = 1995;

fn code_2012_in_force(date: Date) -> bool {
    date.ymd() >= LABOUR_CODE_2012_FROM
}

/// The article listing the holidays, in force on `date`.
pub(crate) fn holiday_article(date: Date) -> Text {
    let y = date.year();
    if y >= LABOUR_CODE_2019_FROM {
        Text::new(
            "Bộ luật Lao động 2019 Điều 112 khoản 1",
            "Labour Code 2019 Art. 112(1)",
        )
    } else if code_2012_in_force(date) {
        Text::new(
            "Bộ luật Lao động 2012 Điều 115 khoản 1",
            "Labour Code 2012 Art. 115(1)",
        )
    } else if y >= LABOUR_CODE_1994_FROM {
        Text::new("Bộ luật Lao động 1994 Điều 73", "Labour Code 1994 Art. 73")
    } else {
        Text::new(
            "trước 1995: quy tắc của Bộ luật Lao động 1994 Điều 73 áp dụng ngược (giả định, không phải lịch sử)",
            "before 1995: the rules of Labour Code 1994 Art. 73 applied backwards (an assumption, not history)",
        )
    }
}

/// Hùng Kings' day: added by the 2007 amendment of Art. 73.
pub(crate) fn hung_kings_article(date: Date) -> Text {
    if date.year() < LABOUR_CODE_2019_FROM && !code_2012_in_force(date) {
        Text::new(
            "Bộ luật Lao động 1994 Điều 73 (sửa đổi năm 2007)",
            "Labour Code 1994 Art. 73 (as amended in 2007)",
        )
    } else {
        holiday_article(date)
    }
}

/// The rule giving a substitute day off for a holiday on a weekly rest day.
pub(crate) fn substitute_article(date: Date) -> Text {
    let y = date.year();
    if y >= LABOUR_CODE_2019_FROM {
        Text::new(
            "Bộ luật Lao động 2019 Điều 111 khoản 3",
            "Labour Code 2019 Art. 111(3)",
        )
    } else if code_2012_in_force(date) {
        Text::new(
            "Bộ luật Lao động 2012 Điều 115 khoản 3",
            "Labour Code 2012 Art. 115(3)",
        )
    } else {
        let mut t = holiday_article(date);
        if y >= LABOUR_CODE_1994_FROM {
            t = Text::new(
                "Bộ luật Lao động 1994 Điều 73 (nghỉ bù vào ngày tiếp theo)",
                "Labour Code 1994 Art. 73 (substitute on the following day)",
            );
        }
        t
    }
}

/// The Prime Minister fixes the Tết days and the 2/9 adjacent day.
pub(crate) fn pm_decides(year: i32) -> Text {
    if year >= LABOUR_CODE_2019_FROM {
        Text::new(
            "Thủ tướng quyết định theo Bộ luật Lao động 2019 Điều 112 khoản 3",
            "fixed by the Prime Minister under Labour Code 2019 Art. 112(3)",
        )
    } else {
        Text::new(
            "Thủ tướng quyết định hằng năm (Bộ luật Lao động 2012 Điều 115)",
            "fixed by the Prime Minister each year (Labour Code 2012 Art. 115)",
        )
    }
}

/// Basis of a predicted Tết day.
pub(crate) fn predicted_tet(year: i32) -> Text {
    let pm = pm_decides(year);
    Text::new(
        format!(
            "dự kiến — chưa công bố: quy tắc theo các năm đã công bố 2015–2026 (ngày Tết trùng thứ Bảy nghỉ vào ngày làm việc trước, trùng Chủ nhật nghỉ vào ngày làm việc sau); {}",
            pm.vi
        ),
        format!(
            "predicted — not yet announced: the pattern of the announced years 2015–2026 (a Tết day on a Saturday is given on the working day before, on a Sunday on the working day after); {}",
            pm.en
        ),
    )
}

/// Basis of a predicted 2/9 adjacent day.
pub(crate) fn predicted_adjacent(year: i32) -> Text {
    let pm = pm_decides(year);
    Text::new(
        format!(
            "dự kiến — chưa công bố: quy tắc theo thứ của ngày 2/9 như các năm 2021–2026; {}",
            pm.vi
        ),
        format!(
            "predicted — not yet announced: by the weekday of 2/9 as in 2021–2026; {}",
            pm.en
        ),
    )
}

/// Basis of a weekly rest day that is a traditional Tết day.
pub(crate) fn rest_day_in_tet() -> Text {
    Text::new(
        "ngày nghỉ hằng tuần trùng ngày Tết (các ngày nghỉ Tết được bố trí vào ngày làm việc, không nghỉ bù)",
        "weekly rest day on a Tết day (the Tết days off are placed on working days; no substitute)",
    )
}
