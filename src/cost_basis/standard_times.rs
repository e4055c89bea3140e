//! Standard time values for activities a file does not estimate, applied
//! only when asked (`--standard-times`, `standard_times:` in a cost basis or
//! tthc.yaml): without that request nothing is added to a cost.
//!
//! The only table read in a source is Destatis' *Zeitwerttabelle Wirtschaft*
//! (the table for **businesses**) of the *Leitfaden zur Ermittlung und
//! Darstellung des Erfüllungsaufwands*, rows 1–8, as bound into a 2022
//! federal file (fragdenstaat.de/dokumente/246481-ordner-2/?page=464). Its
//! edition is not printed on the pages read; no citizens' table and no
//! Vietnamese table were found (docs/research/standard-times.md). So every
//! applied value says which table, row and level it is, and that it is the
//! businesses' table.

use serde::Serialize;

/// The level of difficulty of the table's activities.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Complexity {
    /// "einfach".
    Simple,
    /// "mittel".
    Medium,
    /// "hoch".
    High,
}

impl Complexity {
    /// Every word `tthc.yaml` and `--standard-times` accept, English first.
    pub const WORDS: &'static [(&'static str, Complexity)] = &[
        ("simple", Complexity::Simple),
        ("medium", Complexity::Medium),
        ("high", Complexity::High),
        ("complex", Complexity::High),
        ("đơn giản", Complexity::Simple),
        ("trung bình", Complexity::Medium),
        ("phức tạp", Complexity::High),
        ("don-gian", Complexity::Simple),
        ("trung-binh", Complexity::Medium),
        ("phuc-tap", Complexity::High),
        ("einfach", Complexity::Simple),
        ("mittel", Complexity::Medium),
        ("hoch", Complexity::High),
    ];
}

impl std::str::FromStr for Complexity {
    type Err = String;
    fn from_str(s: &str) -> Result<Complexity, String> {
        let word = s.trim().to_lowercase();
        match Complexity::WORDS.iter().find(|(w, _)| *w == word) {
            Some((_, c)) => Ok(*c),
            None => Err(format!(
                "'{word}' is not a level: use simple, medium or high (đơn giản, trung bình, phức tạp)"
            )),
        }
    }
}

impl Complexity {
    /// The table's word and ours.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match self {
            Complexity::Simple => lang.pick("đơn giản (einfach)", "simple (einfach)"),
            Complexity::Medium => lang.pick("trung bình (mittel)", "medium (mittel)"),
            Complexity::High => lang.pick("phức tạp (hoch)", "high (hoch)"),
        }
    }
}

/// One row of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct StandardActivity {
    /// Its number in the table.
    pub row: u8,
    /// Its name in the table.
    pub name: &'static str,
    /// Minutes: simple, medium, high.
    pub minutes: [u32; 3],
}

impl StandardActivity {
    /// Minutes at `level`.
    pub fn minutes_at(&self, level: Complexity) -> u32 {
        match level {
            Complexity::Simple => self.minutes[0],
            Complexity::Medium => self.minutes[1],
            Complexity::High => self.minutes[2],
        }
    }

    /// Thousandths of an hour at `level`.
    pub fn milli_hours(&self, level: Complexity) -> u64 {
        let m = self.minutes_at(level);
        // Minutes to thousandths of an hour, rounded half up (5 min = 83).
        (u64::from(m) * 1_000 * 2 + 60) / 120
    }

    /// Where the value comes from, for every output that shows it.
    pub fn source(&self, level: Complexity) -> String {
        let m = self.minutes_at(level);
        format!(
            "{TABLE}, row {} «{}», {}: {m} min (the table for businesses; no citizens' table was found)",
            self.row,
            self.name,
            level.label(crate::Lang::En)
        )
    }
}

/// The table and where it was read.
pub const TABLE: &str = "Destatis, Leitfaden Erfüllungsaufwand, Zeitwerttabelle Wirtschaft \
     (edition not printed on the pages read; fragdenstaat.de/dokumente/246481-ordner-2/?page=464)";

/// Row 1: Einarbeitung in die Informationspflicht (learning the obligation).
pub const LEARNING: StandardActivity = StandardActivity {
    row: 1,
    name: "Einarbeitung in die Informationspflicht",
    minutes: [3, 5, 60],
};
/// Row 2: Beschaffung von Daten (obtaining information and data).
pub const OBTAINING: StandardActivity = StandardActivity {
    row: 2,
    name: "Beschaffung von Daten",
    minutes: [2, 10, 120],
};
/// Row 3: Formulare ausfüllen (filling in a form).
pub const FILLING_IN: StandardActivity = StandardActivity {
    row: 3,
    name: "Formulare ausfüllen, Beschriftung, Kennzeichnung",
    minutes: [3, 5, 30],
};
/// Row 8: Datenübermittlung und Veröffentlichung (transmitting the data).
pub const TRANSMITTING: StandardActivity = StandardActivity {
    row: 8,
    name: "Datenübermittlung und Veröffentlichung",
    minutes: [1, 2, 5],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_become_exact_thousandths() {
        assert_eq!(LEARNING.milli_hours(Complexity::High), 1_000);
        assert_eq!(LEARNING.milli_hours(Complexity::Medium), 83);
        assert_eq!(OBTAINING.milli_hours(Complexity::High), 2_000);
        assert_eq!(TRANSMITTING.milli_hours(Complexity::Simple), 17);
        assert!(FILLING_IN.source(Complexity::Medium).contains("row 3"));
        assert!(FILLING_IN.source(Complexity::Medium).contains("5 min"));
        assert_eq!("phức tạp".parse::<Complexity>(), Ok(Complexity::High));
        assert!("x".parse::<Complexity>().is_err());
    }
}
