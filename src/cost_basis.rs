//! The cost basis: the prices and standard times the Standard Cost Model
//! multiplies applicant effort by (hourly income, trip time and cost,
//! certification fee), each with its source and year. Standard time values
//! ([`standard_times`]) are applied only when the basis asks for them
//! (`standard_times: Some(level)`); by default the compliance cost adds only
//! what the file declares.
//!
//! The default ([`CostBasis::default`]) is embedded as Rust constants, so a
//! service gets it without parsing anything; a YAML file can override any
//! subset of the values ([`CostBasis::from_yaml_str`]).

pub mod standard_times;

use crate::i18n::{Lang, Text};
use crate::load::node::{Node, NodeKind};
use crate::load::reader::{Reader, join};
use crate::load::{LoadErrors, LoadOptions};
use crate::model::Money;
use serde::Serialize;

/// A value with where it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// Where it comes from (a statistic, a legal text, or why it was
    /// assumed): in English for the default basis's figures, as written for
    /// a source a cost-basis file gives. The JSON `source`.
    pub source: String,
    /// The same source in Vietnamese, for the default basis's figures
    /// (`None`: a source a file gives, shown as written in both languages).
    /// Not in JSON, whose `source` stays one text.
    #[serde(skip)]
    pub source_vi: Option<String>,
    /// The year the value refers to, when known.
    pub year: Option<u16>,
    /// Whether the value is an assumption rather than a published figure.
    pub assumption: bool,
}

impl<T> Sourced<T> {
    /// A value with a source given as one text (a cost-basis file's).
    fn new(value: T, source: &str, year: Option<u16>, assumption: bool) -> Sourced<T> {
        Sourced {
            value,
            source: source.to_string(),
            source_vi: None,
            year,
            assumption,
        }
    }

    /// A value of the default basis, with its source in both languages.
    fn noted(value: T, source: Text, year: Option<u16>, assumption: bool) -> Sourced<T> {
        Sourced {
            value,
            source: source.en,
            source_vi: Some(source.vi),
            year,
            assumption,
        }
    }

    /// The source in `lang`: the Vietnamese text of a default figure under
    /// [`Lang::Vi`], else the English (or a file's own) text.
    ///
    /// ```
    /// use tthc::cost_basis::CostBasis;
    /// use tthc::Lang;
    /// let trip = CostBasis::default().trip_cost;
    /// assert!(trip.source_in(Lang::Vi).contains("30.000 đồng mỗi lượt"));
    /// assert!(trip.source_in(Lang::En).contains("30,000 đồng per trip"));
    /// ```
    pub fn source_in(&self, lang: Lang) -> &str {
        match (lang, &self.source_vi) {
            (Lang::Vi, Some(vi)) => vi,
            _ => &self.source,
        }
    }

    /// [`Sourced::source_in`] without a leading "Assumption: " /
    /// "Giả định: ", for a renderer that labels assumptions itself.
    pub fn source_unlabelled(&self, lang: Lang) -> &str {
        let s = self.source_in(lang);
        s.strip_prefix(lang.pick("Giả định: ", "Assumption: "))
            .unwrap_or(s)
    }

    /// The same source for another value (the JSON items' `u128`).
    fn with_value<U>(&self, value: U) -> Sourced<U> {
        Sourced {
            value,
            source: self.source.clone(),
            source_vi: self.source_vi.clone(),
            year: self.year,
            assumption: self.assumption,
        }
    }
}

/// Prices and standard times for the compliance cost (SPEC section 5).
///
/// Times are in thousandths of an hour, money in whole đồng.
///
/// ```
/// use tthc::cost_basis::CostBasis;
/// let basis = CostBasis::default();
/// // The statistics office's 2025 figure, 8,400,000 đ a month / 176 hours.
/// assert_eq!(basis.hourly_income.value.dong(), 47_727);
/// assert_eq!(basis.hourly_income.year, Some(2025));
///
/// let custom = CostBasis::from_yaml_str(
///     "hourly_income: { value: 50000, source: Khảo sát 2025, year: 2025 }\ntrip_hours: 1.5\n",
///     "basis.yaml",
/// ).unwrap();
/// assert_eq!(custom.hourly_income.value.dong(), 50_000);
/// assert_eq!(custom.trip_milli_hours.value, 1_500);
/// assert_eq!(custom.trip_cost, basis.trip_cost); // not overridden
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CostBasis {
    /// Average income per working hour of the applicant.
    pub hourly_income: Sourced<Money>,
    /// Time one in-person trip takes (travel both ways and waiting).
    pub trip_milli_hours: Sourced<u64>,
    /// Out-of-pocket cost of one in-person trip.
    pub trip_cost: Sourced<Money>,
    /// Fee for certifying a copy (chứng thực bản sao từ bản chính), per page
    /// for the first two pages of the original.
    pub certification_fee: Sourced<Money>,
    /// The fee per page from the third page on.
    pub certification_fee_later_page: Sourced<Money>,
    /// The most one certified copy costs.
    pub certification_fee_cap: Sourced<Money>,
    /// Wage of an hour of agency staff time, for the administration's cost
    /// (`staff_hours` of agency steps), which is never added to the
    /// applicant's.
    pub public_hourly_wage: Sourced<Money>,
    /// Standard time values for what a file does not estimate, at this
    /// level; `None` (the default): nothing is added.
    pub standard_times: Option<standard_times::Complexity>,
}

impl CostBasis {
    /// The item with this key of the JSON `cost_basis` (`hourly_income`,
    /// `trip_milli_hours`, …): its value in that key's unit, with its
    /// source, year and whether it is an assumption.
    pub fn item(&self, key: &str) -> Option<Sourced<u128>> {
        let money = |s: &Sourced<Money>| s.with_value(s.value.dong());
        Some(match key {
            "hourly_income" => money(&self.hourly_income),
            "trip_milli_hours" => self
                .trip_milli_hours
                .with_value(u128::from(self.trip_milli_hours.value)),
            "trip_cost" => money(&self.trip_cost),
            "certification_fee" => money(&self.certification_fee),
            "certification_fee_later_page" => money(&self.certification_fee_later_page),
            "certification_fee_cap" => money(&self.certification_fee_cap),
            "public_hourly_wage" => money(&self.public_hourly_wage),
            _ => return None,
        })
    }
}

/// The period a published income figure covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IncomePeriod {
    /// A whole year.
    Year(u16),
    /// A quarter of a year (1–4).
    Quarter(u16, u8),
}

impl std::str::FromStr for IncomePeriod {
    type Err = String;

    /// `2025`, `Q3 2025`, `2025-Q3`, `q3/2025`, `quý 3/2025`.
    fn from_str(text: &str) -> Result<IncomePeriod, String> {
        let t = text
            .trim()
            .to_lowercase()
            .replace("quý ", "q")
            .replace("quý", "q");
        let digits: Vec<&str> = t
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let year = |w: &str| w.parse::<u16>().ok().filter(|y| (1900..=2999).contains(y));
        let quarter = |w: &str| {
            w.strip_prefix('q')
                .unwrap_or(w)
                .parse::<u8>()
                .ok()
                .filter(|q| (1..=4).contains(q))
        };
        let period = match digits.as_slice() {
            [y] => year(y).map(IncomePeriod::Year).or_else(|| {
                // 2025q3
                let (y, q) = y.split_once('q')?;
                Some(IncomePeriod::Quarter(year(y)?, quarter(q)?))
            }),
            [a, b] if a.starts_with('q') || a.len() == 1 => year(b)
                .zip(quarter(a))
                .map(|(y, q)| IncomePeriod::Quarter(y, q)),
            [a, b] => year(a)
                .zip(quarter(b))
                .map(|(y, q)| IncomePeriod::Quarter(y, q)),
            _ => None,
        };
        period.ok_or_else(|| {
            format!(
                "'{text}' is not a period: write a year (2025) or a quarter (Q3 2025); known: {}",
                known_periods()
            )
        })
    }
}

/// The periods tthc has a figure for, for messages.
pub fn known_periods() -> String {
    INCOME_FIGURES
        .iter()
        .map(|f| f.period.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

impl IncomePeriod {
    /// The period in Vietnamese: `năm 2025`, `quý 3/2025`.
    pub fn vi(&self) -> String {
        match self {
            IncomePeriod::Year(y) => format!("năm {y}"),
            IncomePeriod::Quarter(y, q) => format!("quý {q}/{y}"),
        }
    }
}

impl std::fmt::Display for IncomePeriod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IncomePeriod::Year(y) => write!(f, "{y}"),
            IncomePeriod::Quarter(y, q) => write!(f, "Q{q} {y}"),
        }
    }
}

/// One published figure of the average monthly income of workers ("thu
/// nhập bình quân tháng của người lao động", the statistics office's
/// labour-force survey: income from work of all employed persons, overtime,
/// bonuses and allowances included).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct IncomeFigure {
    /// The period.
    pub period: IncomePeriod,
    /// Đồng a month.
    pub monthly_dong: u64,
    /// The office that published it: Tổng cục Thống kê (GSO) until 2/2025,
    /// Cục Thống kê (Bộ Tài chính) since.
    pub publisher: &'static str,
    /// When it was published (dd/mm/yyyy).
    pub published: &'static str,
    /// Where it was read (the office's release as the press reported it).
    pub url: &'static str,
}

/// Working hours in a month: 22 days × 8 hours. The statistics office
/// publishes a monthly figure; this divisor is tthc's assumption.
pub const HOURS_PER_MONTH: u64 = 176;

/// Every figure tthc knows, oldest first (docs/research/cost-basis.md: the
/// quotes and the second outlet where two agree). No 2026 figure had been
/// found in December 2026.
pub const INCOME_FIGURES: &[IncomeFigure] = &[
    IncomeFigure {
        period: IncomePeriod::Quarter(2024, 3),
        monthly_dong: 7_600_000,
        publisher: "Tổng cục Thống kê",
        published: "06/10/2024",
        url: "https://baotintuc.vn/kinh-te/thu-nhap-binh-quan-cua-nguoi-lao-dong-trong-quy-iii2024-dat-76-trieu-dongthang-20241006110219502.htm",
    },
    IncomeFigure {
        period: IncomePeriod::Quarter(2024, 4),
        monthly_dong: 8_200_000,
        publisher: "Tổng cục Thống kê",
        published: "06/01/2025",
        url: "https://cafef.vn/thu-nhap-cua-nguoi-lao-dong-nam-2024-tang-hon-600000-dong-thang-188250106135712628.chn",
    },
    IncomeFigure {
        period: IncomePeriod::Year(2024),
        monthly_dong: 7_700_000,
        publisher: "Tổng cục Thống kê",
        published: "06/01/2025",
        url: "https://cafef.vn/thu-nhap-cua-nguoi-lao-dong-nam-2024-tang-hon-600000-dong-thang-188250106135712628.chn",
    },
    IncomeFigure {
        period: IncomePeriod::Quarter(2025, 1),
        monthly_dong: 8_300_000,
        publisher: "Cục Thống kê (Bộ Tài chính)",
        published: "07/04/2025",
        url: "https://plo.vn/thu-nhap-binh-quan-cua-nguoi-lao-dong-tang-post843051.html",
    },
    IncomeFigure {
        period: IncomePeriod::Quarter(2025, 2),
        monthly_dong: 8_200_000,
        publisher: "Cục Thống kê (Bộ Tài chính)",
        published: "05/07/2025",
        url: "https://vnexpress.net/thu-nhap-binh-quan-cua-lao-dong-quy-ii-2025-giam-4910451.html",
    },
    IncomeFigure {
        period: IncomePeriod::Quarter(2025, 3),
        monthly_dong: 8_400_000,
        publisher: "Cục Thống kê (Bộ Tài chính)",
        published: "06/10/2025",
        url: "https://dantri.com.vn/noi-vu/thu-nhap-binh-quan-cua-lao-dong-cham-moc-84-trieu-dongthang-20251006152208715.htm",
    },
    IncomeFigure {
        period: IncomePeriod::Quarter(2025, 4),
        monthly_dong: 8_700_000,
        publisher: "Cục Thống kê (Bộ Tài chính)",
        published: "06/01/2026",
        url: "https://vneconomy.vn/thu-nhap-cua-nguoi-lao-dong-tang-manh-vao-thoi-diem-cuoi-nam.htm",
    },
    LATEST_ANNUAL,
];

impl IncomeFigure {
    /// The figure of `period`, when tthc has it.
    pub fn of(period: IncomePeriod) -> Option<&'static IncomeFigure> {
        INCOME_FIGURES.iter().find(|f| f.period == period)
    }

    /// The latest whole-year figure: the default.
    pub fn latest_annual() -> &'static IncomeFigure {
        &LATEST_ANNUAL
    }

    /// Đồng an hour: the monthly figure over [`HOURS_PER_MONTH`], rounded
    /// half up (8,400,000 / 176 = 47,727.27 → 47,727).
    pub fn hourly(&self) -> Money {
        let h = u128::from(HOURS_PER_MONTH);
        Money::from_dong((u128::from(self.monthly_dong) * 2 + h) / (2 * h))
    }

    /// The figure as a sourced hourly income, its source in both languages.
    pub fn as_hourly_income(&self) -> Sourced<Money> {
        let year = match self.period {
            IncomePeriod::Year(y) | IncomePeriod::Quarter(y, _) => y,
        };
        let monthly = Money::from_dong(u128::from(self.monthly_dong));
        Sourced::noted(
            self.hourly(),
            Text::new(
                format!(
                    "{}, thu nhập bình quân tháng của người lao động, {}: {} đồng (công bố ngày {}; {}) / {} giờ làm việc (22 ngày × 8 giờ, giả định của tthc), làm tròn đến đồng (từ nửa đồng làm tròn lên)",
                    self.publisher,
                    self.period.vi(),
                    monthly.grouped(),
                    self.published,
                    self.url,
                    HOURS_PER_MONTH
                ),
                format!(
                    "{}, average monthly income of workers, {}: {} đồng (published {}; {}) / {} working hours (22 days × 8 hours, tthc's assumption), rounded half up",
                    self.publisher,
                    self.period,
                    monthly.grouped_en(),
                    self.published,
                    self.url,
                    HOURS_PER_MONTH
                ),
            ),
            Some(year),
            false,
        )
    }
}

/// The latest whole-year figure (the last of [`INCOME_FIGURES`]), the
/// default hourly income: a new year's figure replaces it here.
const LATEST_ANNUAL: IncomeFigure = IncomeFigure {
    period: IncomePeriod::Year(2025),
    monthly_dong: 8_400_000,
    publisher: "Cục Thống kê (Bộ Tài chính)",
    published: "06/01/2026",
    url: "https://vneconomy.vn/thu-nhap-cua-nguoi-lao-dong-tang-manh-vao-thoi-diem-cuoi-nam.htm",
};

/// Circular 226/2016/TT-BTC Art. 4, as quoted by a notary office and a law
/// firm and still listed by 2026 records (docs/research/cost-basis.md §3).
fn certification_source() -> Text {
    Text::new(
        "Thông tư 226/2016/TT-BTC: phí chứng thực bản sao từ bản chính 2.000 đồng/trang, \
         từ trang thứ ba 1.000 đồng/trang, tối đa 200.000 đồng/bản; trang tính theo bản \
         chính (tính một trang khi giấy tờ không khai `pages`)",
        "Thông tư 226/2016/TT-BTC: phí chứng thực bản sao từ bản \
         chính 2,000 đồng/trang, từ trang thứ ba 1,000 đồng/trang, tối đa 200,000 đồng/bản; \
         trang tính theo bản chính (one page when a document does not declare `pages`)",
    )
}

/// The public wage when none is given: the all-worker average of `figure`,
/// labelled an assumption (no published civil-servant wage was found).
fn public_wage_assumption(figure: &IncomeFigure) -> Sourced<Money> {
    let income = figure.as_hourly_income();
    let vi = format!(
        "Giả định: thu nhập bình quân mỗi giờ của người lao động nói chung ({}); không tìm \
         thấy số liệu công bố về tiền lương của cán bộ, công chức (lương cơ sở 2.340.000 đồng \
         từ ngày 1/7/2024 theo khoản 2 Điều 3 Nghị định 73/2024/NĐ-CP là mức để nhân với hệ \
         số, không phải tiền lương)",
        income.source_in(Lang::Vi)
    );
    let en = format!(
        "Assumption: the all-worker average hourly income ({}); no published \
         civil-servant wage was found (lương cơ sở, 2,340,000 đồng from 1/7/2024 under \
         Decree 73/2024/NĐ-CP Art. 3(2), is a coefficient base, not a wage)",
        income.source
    );
    Sourced::noted(income.value, Text::new(vi, en), income.year, true)
}

impl Default for CostBasis {
    fn default() -> CostBasis {
        CostBasis {
            hourly_income: IncomeFigure::latest_annual().as_hourly_income(),
            trip_milli_hours: Sourced::noted(
                2_000,
                Text::new(
                    "Giả định: 2 giờ mỗi lượt đến nộp hoặc nhận trực tiếp (đi và về trong \
                     tỉnh, chờ tại bộ phận một cửa)",
                    "Assumption: 2 hours per in-person trip (travel both ways within the \
                     province and waiting at the one-stop counter)",
                ),
                Some(2024),
                true,
            ),
            trip_cost: Sourced::noted(
                Money::from_dong(30_000),
                Text::new(
                    "Giả định: 30.000 đồng mỗi lượt (xăng và gửi xe cho một lượt đi về bằng \
                     xe máy trong tỉnh)",
                    "Assumption: 30,000 đồng per trip (fuel and parking for a round trip \
                     by motorbike within the province)",
                ),
                Some(2024),
                true,
            ),
            certification_fee: Sourced::noted(
                Money::from_dong(2_000),
                certification_source(),
                Some(2016),
                false,
            ),
            certification_fee_later_page: Sourced::noted(
                Money::from_dong(1_000),
                certification_source(),
                Some(2016),
                false,
            ),
            certification_fee_cap: Sourced::noted(
                Money::from_dong(200_000),
                certification_source(),
                Some(2016),
                false,
            ),
            public_hourly_wage: public_wage_assumption(IncomeFigure::latest_annual()),
            standard_times: None,
        }
    }
}

impl CostBasis {
    /// The default basis valued at the income figure of `period` (a year's
    /// or a quarter's), when tthc has it.
    ///
    /// ```
    /// use tthc::cost_basis::{CostBasis, IncomePeriod};
    /// let b = CostBasis::for_income(IncomePeriod::Year(2024)).unwrap();
    /// assert_eq!(b.hourly_income.value.dong(), 43_750); // 7,700,000 / 176
    /// assert!(CostBasis::for_income(IncomePeriod::Year(2019)).is_none());
    /// ```
    pub fn for_income(period: IncomePeriod) -> Option<CostBasis> {
        IncomeFigure::of(period).map(|f| CostBasis {
            hourly_income: f.as_hourly_income(),
            ..CostBasis::default()
        })
    }

    /// The default basis with the values given in a YAML document overriding
    /// it. Every key is optional; a value is either bare (`trip_hours: 1.5`)
    /// or a mapping with `value`, `source`, `year`, `assumption`:
    ///
    /// ```yaml
    /// hourly_income: { value: 50000, source: "GSO 2025", year: 2025 }
    /// income: Q3 2024          # or the published figure of a year or quarter
    /// trip_hours: 1.5          # hours, decimal ("1,5" also accepted)
    /// trip_cost: "25.000 đồng"
    /// certification_fee: 2000
    /// ```
    ///
    /// A value given without a source gets `origin` as its source. Errors
    /// are located at the line and column of the key or value.
    pub fn from_yaml_str(src: &str, origin: &str) -> Result<CostBasis, LoadErrors> {
        let options = LoadOptions::default();
        let root = crate::load::yaml::parse_node(src, origin, &options)?;
        let mut r = Reader::new(origin, src);
        let basis = match &root {
            Some(node) => read_override(&mut r, node, "", CostBasis::default()),
            None => Some(CostBasis::default()),
        };
        match basis {
            Some(b) if r.errors.is_empty() => Ok(b),
            _ => Err(r.into_errors(src)),
        }
    }

    /// Reads a cost-basis override file from disk (within the size limit);
    /// see [`CostBasis::from_yaml_str`]. Errors carry the file's text.
    pub fn load_file(path: &std::path::Path) -> Result<CostBasis, LoadErrors> {
        let origin = path.display().to_string();
        let text = crate::load::read_text(path, &LoadOptions::default())?;
        CostBasis::from_yaml_str(&text, &origin)
    }
}

/// Reads a cost-basis mapping (a file, or the `cost_basis:` section of a
/// `tthc.yaml`) over `base`; `None` when it has errors (in `r`).
pub(crate) fn read_override(
    r: &mut Reader<'_>,
    node: &Node,
    path: &str,
    mut base: CostBasis,
) -> Option<CostBasis> {
    let fields = r.fields(node, path, &crate::format::COST_BASIS)?;
    let origin = r.origin.to_string();
    let errors = r.error_count();
    for key in crate::format::COST_BASIS.names() {
        let Some(value) = fields.get(key) else {
            continue;
        };
        let at = join(path, key);
        match key {
            "standard_times" => {
                if let Some(text) = r.text(value, &at) {
                    match text.parse::<standard_times::Complexity>() {
                        Ok(level) => base.standard_times = Some(level),
                        Err(en) => r.error(
                            &at,
                            value.loc,
                            crate::load::LoadErrorKind::Invalid {
                                en,
                                vi: format!(
                                    "«{text}» không phải một mức: ghi simple, medium hoặc high (đơn giản, trung bình, phức tạp)"
                                ),
                            },
                        ),
                    }
                }
            }
            "income" => {
                if let Some(text) = r.text(value, &at) {
                    match text.parse::<IncomePeriod>() {
                        Ok(period) => match IncomeFigure::of(period) {
                            Some(f) => base.hourly_income = f.as_hourly_income(),
                            None => r.error(
                                &at,
                                value.loc,
                                crate::load::LoadErrorKind::Invalid {
                                    en: format!(
                                        "no published income figure for {period}; known: {}",
                                        known_periods()
                                    ),
                                    vi: format!(
                                        "không có số liệu thu nhập công bố cho {period}; có: {}",
                                        known_periods()
                                    ),
                                },
                            ),
                        },
                        Err(e) => r.error(
                            &at,
                            value.loc,
                            crate::load::LoadErrorKind::Invalid {
                                en: e,
                                vi: format!(
                                    "«{text}» không phải một kỳ: ghi năm (2025) hoặc quý (Q3 2025); có: {}",
                                    known_periods()
                                ),
                            },
                        ),
                    }
                }
            }
            "hourly_income" => set(
                r,
                value,
                &at,
                &origin,
                &mut base.hourly_income,
                |r, n, p| r.money(n, p),
            ),
            "trip_hours" => set(
                r,
                value,
                &at,
                &origin,
                &mut base.trip_milli_hours,
                |r, n, p| r.milli(n, p),
            ),
            "trip_cost" => set(r, value, &at, &origin, &mut base.trip_cost, |r, n, p| {
                r.money(n, p)
            }),
            "certification_fee_later_page" => set(
                r,
                value,
                &at,
                &origin,
                &mut base.certification_fee_later_page,
                |r, n, p| r.money(n, p),
            ),
            "public_hourly_wage" => set(
                r,
                value,
                &at,
                &origin,
                &mut base.public_hourly_wage,
                |r, n, p| r.money(n, p),
            ),
            "certification_fee_cap" => set(
                r,
                value,
                &at,
                &origin,
                &mut base.certification_fee_cap,
                |r, n, p| r.money(n, p),
            ),
            _ => set(
                r,
                value,
                &at,
                &origin,
                &mut base.certification_fee,
                |r, n, p| r.money(n, p),
            ),
        }
    }
    (r.error_count() == errors).then_some(base)
}

/// One value: bare, or `{ value, source, year, assumption }`.
fn set<'s, T>(
    r: &mut Reader<'s>,
    node: &Node,
    path: &str,
    origin: &str,
    slot: &mut Sourced<T>,
    read: impl Fn(&mut Reader<'s>, &Node, &str) -> Option<T>,
) {
    if !matches!(node.kind, NodeKind::Map(_)) {
        if let Some(value) = read(r, node, path) {
            *slot = Sourced::new(value, origin, None, false);
        }
        return;
    }
    let Some(f) = r.fields(node, path, &crate::format::FIGURE) else {
        return;
    };
    let Some(value_node) = r.required(&f, "value", path) else {
        return;
    };
    let value = read(r, value_node, &join(path, "value"));
    let source = r.opt_text(f.get("source"), &join(path, "source"));
    let year = f
        .get("year")
        .and_then(|n| r.count(n, &join(path, "year"), 9999));
    let assumption = f
        .get("assumption")
        .and_then(|n| r.boolean(n, &join(path, "assumption")));
    if let Some(value) = value {
        *slot = Sourced {
            value,
            source: source.unwrap_or_else(|| origin.to_string()),
            source_vi: None,
            year: year.and_then(|y| u16::try_from(y).ok()),
            assumption: assumption.unwrap_or(false),
        };
    }
}

#[cfg(test)]
impl IncomeFigure {
    /// yyyymmdd of `published`, to check the order.
    fn published_key(&self) -> String {
        let mut parts: Vec<&str> = self.published.split('/').collect();
        parts.reverse();
        parts.concat()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_hourly_income_is_the_latest_annual_figure() {
        // 8,400,000 / 176 = 47,727.27… → 47,727 (half up).
        assert_eq!(CostBasis::default().hourly_income.value.dong(), 47_727);
        assert!(!CostBasis::default().hourly_income.assumption);
        assert!(
            CostBasis::default()
                .hourly_income
                .source
                .contains("2025: 8,400,000 đồng")
        );
        // The default is the newest whole-year figure of the list.
        let newest_year = INCOME_FIGURES
            .iter()
            .filter(|f| matches!(f.period, IncomePeriod::Year(_)))
            .max_by_key(|f| f.published_key());
        assert_eq!(newest_year, Some(IncomeFigure::latest_annual()));
        assert!(CostBasis::default().public_hourly_wage.assumption);
        assert!(
            CostBasis::default()
                .public_hourly_wage
                .source
                .contains("2025: 8,400,000")
        );
    }

    #[test]
    fn every_figure_gives_its_hourly_income() {
        let hourly = |p| IncomeFigure::of(p).map(|f| f.hourly().dong());
        // 7,600,000 / 176 = 43,181.8 → 43,182; 7,700,000 / 176 = 43,750.
        assert_eq!(hourly(IncomePeriod::Quarter(2024, 3)), Some(43_182));
        assert_eq!(hourly(IncomePeriod::Year(2024)), Some(43_750));
        assert_eq!(hourly(IncomePeriod::Quarter(2025, 4)), Some(49_432));
        assert_eq!(hourly(IncomePeriod::Year(2026)), None);
        // Oldest first, one figure per period.
        for w in INCOME_FIGURES.windows(2) {
            assert!(
                w[0].published_key() <= w[1].published_key(),
                "{:?}",
                w[1].period
            );
        }
    }

    #[test]
    fn every_default_source_has_its_vietnamese_text() {
        let b = CostBasis::default();
        let items: [(&str, Option<&str>); 7] = [
            ("hourly_income", b.hourly_income.source_vi.as_deref()),
            ("trip_milli_hours", b.trip_milli_hours.source_vi.as_deref()),
            ("trip_cost", b.trip_cost.source_vi.as_deref()),
            (
                "certification_fee",
                b.certification_fee.source_vi.as_deref(),
            ),
            (
                "certification_fee_later_page",
                b.certification_fee_later_page.source_vi.as_deref(),
            ),
            (
                "certification_fee_cap",
                b.certification_fee_cap.source_vi.as_deref(),
            ),
            (
                "public_hourly_wage",
                b.public_hourly_wage.source_vi.as_deref(),
            ),
        ];
        for (key, vi) in items {
            let Some(vi) = vi else {
                panic!("{key}: no Vietnamese source");
            };
            for en in [
                "hours",
                "per ",
                "average",
                "published",
                "Assumption",
                "rounded",
                "one page",
                "wage",
                "Decree",
                "8,400,000",
                "2,000",
            ] {
                assert!(!vi.contains(en), "{key}: '{en}' in {vi}");
            }
            // `item()` keeps both texts.
            assert_eq!(b.item(key).and_then(|i| i.source_vi).as_deref(), Some(vi));
        }
        assert!(
            b.hourly_income
                .source_in(Lang::Vi)
                .contains("năm 2025: 8.400.000 đồng (công bố ngày 06/01/2026;")
        );
        assert!(
            b.public_hourly_wage
                .source_in(Lang::Vi)
                .contains("Nghị định 73/2024/NĐ-CP")
        );
        assert_eq!(
            b.trip_cost.source_unlabelled(Lang::Vi),
            "30.000 đồng mỗi lượt (xăng và gửi xe cho một lượt đi về bằng xe máy trong tỉnh)"
        );
        assert!(
            b.trip_cost
                .source_unlabelled(Lang::En)
                .starts_with("30,000 đồng per trip")
        );
        let q = CostBasis::for_income(IncomePeriod::Quarter(2024, 3)).unwrap();
        assert!(
            q.hourly_income
                .source_in(Lang::Vi)
                .contains("quý 3/2024: 7.600.000 đồng")
        );
        // A file's own source is shown as written in both languages.
        let f = CostBasis::from_yaml_str("trip_cost: 25000\n", "b.yaml").unwrap();
        assert_eq!(f.trip_cost.source_in(Lang::Vi), "b.yaml");
        assert_eq!(f.trip_cost.source_in(Lang::En), "b.yaml");
    }

    #[test]
    fn assumptions_are_labelled() {
        let b = CostBasis::default();
        assert!(b.trip_milli_hours.assumption);
        assert!(b.trip_cost.assumption);
        assert!(b.certification_fee.source.contains("226/2016/TT-BTC"));
    }

    #[test]
    fn overrides_bare_and_sourced_values_exactly() {
        let b = CostBasis::from_yaml_str(
            "trip_hours: \"0,25\"\ntrip_cost: \"25.000 đồng\"\ncertification_fee: { value: 3000, source: QĐ X, year: 2025, assumption: true }\n",
            "b.yaml",
        )
        .unwrap();
        assert_eq!(b.trip_milli_hours.value, 250);
        assert_eq!(b.trip_milli_hours.source, "b.yaml");
        assert_eq!(b.trip_cost.value.dong(), 25_000);
        assert_eq!(b.certification_fee.value.dong(), 3_000);
        assert_eq!(b.certification_fee.year, Some(2025));
        assert!(b.certification_fee.assumption);
        assert_eq!(b.hourly_income, CostBasis::default().hourly_income);
    }

    #[test]
    fn income_selects_a_published_figure_or_says_which_exist() {
        let b = CostBasis::from_yaml_str("income: Q3 2024\n", "b.yaml").unwrap();
        assert_eq!(b.hourly_income.value.dong(), 43_182);
        assert_eq!(b.hourly_income.year, Some(2024));
        for (text, period) in [
            ("2025", IncomePeriod::Year(2025)),
            ("Q3 2025", IncomePeriod::Quarter(2025, 3)),
            ("2025-Q3", IncomePeriod::Quarter(2025, 3)),
            ("quý 3/2025", IncomePeriod::Quarter(2025, 3)),
            ("2025q4", IncomePeriod::Quarter(2025, 4)),
        ] {
            assert_eq!(text.parse::<IncomePeriod>(), Ok(period), "{text}");
        }
        for bad in ["income: 2019\n", "income: Q5 2025\n", "income: abc\n"] {
            let e = CostBasis::from_yaml_str(bad, "b.yaml").unwrap_err();
            let e = &e.errors[0];
            assert_eq!(
                e.location.map(|l| (l.line, l.column)),
                Some((1, 9)),
                "{bad}: {e}"
            );
            assert!(
                e.to_string().contains("Q3 2024, Q4 2024, 2024"),
                "{bad}: {e}"
            );
        }
    }

    #[test]
    fn rejects_unknown_keys_and_bad_values_with_a_location() {
        let e = CostBasis::from_yaml_str("hourly_incme: 5\n", "b.yaml").unwrap_err();
        assert!(e.errors[0].to_string().contains("hourly_incme"), "{e:?}");
        for bad in [
            "trip_hours: -1\n",
            "trip_hours: 0.0001\n",
            "trip_cost: 1.5\n",
            "trip_cost: abc\n",
            "trip_cost: { source: x }\n",
            "trip_cost: { value: 1, sauce: x }\n",
        ] {
            let e = CostBasis::from_yaml_str(bad, "b.yaml").unwrap_err();
            let e = &e.errors[0];
            assert_eq!(e.location.map(|l| l.line), Some(1), "{bad}: {e}");
        }
    }
}
