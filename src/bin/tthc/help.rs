//! The command line in Vietnamese: `--help`, `tthc help CMD` and clap's
//! own errors. The doc comments of the `Args` structs give the English;
//! this module's tables give the Vietnamese, applied to the command tree at
//! run time before parsing, and clap's errors are rendered here in
//! Vietnamese from their kind and context.

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};
use std::ffi::OsString;
use tthc::Lang;

/// The Vietnamese `about` of every command, by name (`tthc` is the root).
pub const COMMANDS: &[(&str, &str)] = &[
    (
        "tthc",
        "Rà soát thủ tục hành chính (TTHC) của Việt Nam: sơ đồ các bước, chi phí tuân thủ theo Mô hình chi phí chuẩn (SCM), thời gian giải quyết tính theo ngày làm việc, các quy tắc rà soát kèm căn cứ pháp lý.",
    ),
    (
        "check",
        "Đọc các tệp thủ tục, báo lỗi và rà soát chúng để tìm các phát hiện.",
    ),
    ("rules", "Liệt kê các quy tắc rà soát."),
    (
        "explain",
        "Giải thích một quy tắc rà soát (theo mã hoặc tên).",
    ),
    (
        "test",
        "Chạy các kiểm thử rà soát (kỳ vọng viết bằng YAML về chỉ số và phát hiện).",
    ),
    (
        "due",
        "Thời hạn (ngày giờ) giải quyết một hồ sơ theo lịch ngày làm việc của Việt Nam.",
    ),
    (
        "holidays",
        "Các ngày lễ, ngày nghỉ bù và ngày hoán đổi ngày làm việc của một năm.",
    ),
    ("lunar", "Ngày âm lịch Việt Nam của một ngày dương lịch."),
    (
        "metrics",
        "Cấu trúc, thời gian giải quyết và chi phí tuân thủ của một thủ tục.",
    ),
    (
        "why",
        "Mỗi con số từ đâu ra: từng đồng chi phí và từng ngày của thời gian giải quyết, lần về dòng của nó trong tệp hoặc về nguồn của nó.",
    ),
    (
        "compare",
        "So sánh bản hiện hành với bản dự thảo: chỉ số, thay đổi, mục tiêu cắt giảm.",
    ),
    (
        "report",
        "Viết báo cáo rà soát của một thủ tục (HTML hoặc Markdown).",
    ),
    (
        "graph",
        "Vẽ sơ đồ các bước của một thủ tục (SVG, DOT hoặc Mermaid).",
    ),
    (
        "audit",
        "Rà soát cả một danh mục: mỗi thủ tục một dòng chỉ số và phát hiện, tổng cộng theo lĩnh vực và theo cơ quan, và mức cắt giảm so với danh mục gốc.",
    ),
    (
        "import",
        "Nhập hồ sơ của Cổng Dịch vụ công quốc gia (JSON, JSON Lines) hoặc văn bản của quyết định công bố thành các tệp thủ tục, kèm báo cáo nhập.",
    ),
    (
        "lsp",
        "Máy chủ ngôn ngữ cho trình soạn thảo (LSP qua stdin/stdout): chẩn đoán trực tiếp, chú giải khi rê chuột, gợi ý hoàn thành, đi tới định nghĩa, dàn ý.",
    ),
    (
        "schema",
        "JSON Schema của định dạng tệp thủ tục, tệp kiểm thử rà soát hoặc tthc.yaml (cho trình soạn thảo và công cụ kiểm tra), hoặc tài liệu tham chiếu định dạng bằng Markdown.",
    ),
    (
        "generate",
        "Ghi một danh mục tổng hợp tất định (để đo hiệu năng).",
    ),
];

const LANG_VI: &str = "Ngôn ngữ của thông báo và kết quả: vi (tiếng Việt) hoặc en (tiếng Anh) (mặc định: $TTHC_LANG, rồi `lang:` trong tthc.yaml, rồi vi).";
const HOLIDAY_DATA_VI: &str =
    "Dữ liệu ngày nghỉ bổ sung (YAML, định dạng tthc-holidays/1) thêm vào dữ liệu có sẵn.";
const OUT_VI: &str = "Ghi vào TỆP (trọn vẹn một lần, qua tệp tạm) thay vì stdout.";
const PROCEDURE_FILE_VI: &str = "Tệp thủ tục (YAML, định dạng tthc/1).";

/// The Vietnamese help of every argument, by command (`*`: any command
/// without an entry of its own, for the shared settings flags) and arg id.
pub const ARGS: &[(&str, &str, &str)] = &[
    ("*", "lang", LANG_VI),
    (
        "*",
        "config",
        "Tệp cấu hình (mặc định: tthc.yaml gần nhất ở các thư mục phía trên mỗi tệp).",
    ),
    (
        "*",
        "cost_basis",
        "Tệp cơ sở tính chi phí dùng thay cho tệp mặc định (thu nhập theo giờ, chuyến đi, …).",
    ),
    (
        "*",
        "income",
        "Tính giá trị giờ của người nộp theo số liệu thu nhập của cơ quan thống kê trong năm hoặc quý này (2024, \"Q3 2024\" hay \"quý 3 2024\"; mặc định: năm mới nhất, 2025).",
    ),
    (
        "*",
        "standard_times",
        "Điền những gì tệp không ước tính bằng thời gian chuẩn ở mức này (simple: đơn giản, medium: trung bình, high: phức tạp — bảng của Destatis cho doanh nghiệp), mỗi giá trị được ghi rõ là chuẩn; mặc định không thêm gì.",
    ),
    (
        "*",
        "holidays",
        "Dữ liệu ngày nghỉ thêm vào lịch (ngày nghỉ được công bố, ngày làm bù).",
    ),
    (
        "*",
        "max_file_size",
        "Kích thước lớn nhất của một tệp được chấp nhận, tính bằng byte.",
    ),
    ("*", "jobs", "Số luồng xử lý (mặc định: mỗi lõi một luồng)."),
    ("*", "file", PROCEDURE_FILE_VI),
    (
        "check",
        "paths",
        "Các tệp thủ tục, hoặc thư mục để tìm các tệp *.yaml.",
    ),
    (
        "check",
        "format",
        "Định dạng kết quả: text (dễ đọc, kiểu rustc), json (một tài liệu JSON cho máy), sarif (SARIF 2.1.0, cho công cụ quét mã).",
    ),
    (
        "check",
        "fail_on",
        "Thoát với mã 1 khi có một phát hiện từ mức nghiêm trọng này trở lên (error: lỗi, warn: cảnh báo, info: thông tin, never: không bao giờ).",
    ),
    (
        "check",
        "sarif_root",
        "SARIF: thư mục làm gốc cho URI của các tệp (`%SRCROOT%`); mặc định: gốc kho git phía trên thư mục hiện tại, nếu không có thì thư mục hiện tại.",
    ),
    (
        "check",
        "fix",
        "Áp dụng cho từng tệp mọi cách sửa có sẵn không làm thay đổi nội dung thủ tục (cách viết khóa, đặt số trong ngoặc) và in phần khác biệt (diff); một tệp chỉ được ghi (trọn vẹn một lần) khi văn bản đã sửa đọc được. Báo cáo theo sau nói về các tệp đã sửa.",
    ),
    (
        "check",
        "diff",
        "In phần khác biệt (diff) của mọi cách sửa có sẵn; không ghi gì.",
    ),
    (
        "check",
        "unsafe_fixes",
        "Cùng với --fix hoặc --diff: áp dụng cả các cách sửa làm thay đổi nội dung thủ tục (khai báo không thu phí, bản sao thay cho bản sao có chứng thực, bỏ một giấy tờ); hãy xem lại từng cách sửa.",
    ),
    (
        "rules",
        "format",
        "Định dạng kết quả: text (mỗi quy tắc một dòng), markdown (bảng Markdown của README.md và docs/rules.md).",
    ),
    (
        "explain",
        "rule",
        "Mã quy tắc (`TT304`) hoặc tên quy tắc (`certified-copy-required`).",
    ),
    (
        "test",
        "paths",
        "Các tệp hoặc thư mục kiểm thử rà soát (mặc định: tests/review).",
    ),
    (
        "test",
        "filter",
        "Chỉ chạy các trường hợp có tên chứa đoạn chữ này.",
    ),
    (
        "test",
        "junit",
        "Ghi thêm kết quả dạng JUnit XML vào TỆP (cho CI).",
    ),
    (
        "due",
        "from",
        "Thời điểm nhận đủ hồ sơ: YYYY-MM-DDTHH:MM (giờ địa phương). Với --reception: thời điểm nộp hồ sơ.",
    ),
    (
        "due",
        "reception",
        "Lịch tiếp nhận của cơ quan: `office-hours` (giờ hành chính), hoặc các buổi tiếp nhận thêm như `saturday-morning` hay \"sáng thứ 7\". Hồ sơ được coi là nhận vào buổi tiếp nhận kế tiếp sau --from.",
    ),
    (
        "due",
        "days",
        "Số lượng của thời hạn (được dùng số lẻ: 0,5 hoặc 0.5); dùng --same-day cho thủ tục \"trong ngày\".",
    ),
    (
        "due",
        "unit",
        "Đơn vị của --days: working (ngày làm việc), calendar (ngày theo lịch), hours (giờ làm việc).",
    ),
    ("due", "same_day", "Thủ tục giải quyết \"trong ngày\"."),
    (
        "due",
        "verbose",
        "Liệt kê thêm các ngày lễ và ngày hoán đổi đã bỏ qua.",
    ),
    ("due", "holidays", HOLIDAY_DATA_VI),
    ("holidays", "year", "Năm dương lịch (1900–2100)."),
    ("holidays", "holidays", HOLIDAY_DATA_VI),
    (
        "lunar",
        "date",
        "Một ngày dương lịch, YYYY-MM-DD (1900–2100).",
    ),
    (
        "metrics",
        "format",
        "Định dạng kết quả: text (các bảng dễ đọc), json (một tài liệu JSON; tên các trường ở docs/metrics.md).",
    ),
    (
        "metrics",
        "scenario",
        "Kịch bản lệ phí: auto (trực tiếp, trừ khi trực tuyến là kênh duy nhất), in-person (trực tiếp), online (trực tuyến).",
    ),
    (
        "why",
        "figure",
        "Con số cần giải thích: chi-phi (cost), thoi-gian (time), tat-ca (all), hoặc cat-giam (reduction, khi có --baseline).",
    ),
    (
        "why",
        "baseline",
        "Thủ tục hiện hành mà TỆP là bản dự thảo của nó: giải thích mức cắt giảm (con số `reduction`, mặc định khi có tham số này).",
    ),
    (
        "why",
        "from",
        "Thời điểm nhận đủ hồ sơ, YYYY-MM-DDTHH:MM: giải thích thời hạn giải quyết (con số `due`, mặc định khi có tham số này).",
    ),
    (
        "why",
        "scenario",
        "Kịch bản lệ phí: auto (tự chọn), in-person (trực tiếp), online (trực tuyến), post (qua bưu chính).",
    ),
    (
        "compare",
        "baseline",
        "Thủ tục hiện hành (hoặc thủ tục như ở năm gốc).",
    ),
    ("compare", "draft", "Bản dự thảo đơn giản hóa."),
    (
        "compare",
        "target",
        "Các mục tiêu cần kiểm tra: nq68-2020, nq66-2025, nq66-2026, hoặc một mức cắt giảm tự đặt (25, cost=25, time=30, cost=25,time=30). Thoát với mã 1 nếu không đạt một mục tiêu.",
    ),
    (
        "compare",
        "format",
        "Định dạng kết quả: text (các bảng dễ đọc), json (một tài liệu JSON; tên các trường ở docs/metrics.md).",
    ),
    (
        "compare",
        "scenario",
        "Kịch bản lệ phí cho cả hai bản: auto (tự chọn), in-person (trực tiếp), online (trực tuyến).",
    ),
    (
        "report",
        "file",
        "Tệp thủ tục (là bản dự thảo khi có --baseline).",
    ),
    (
        "report",
        "baseline",
        "Thủ tục đang có hiệu lực, để so sánh với nó.",
    ),
    (
        "report",
        "format",
        "Định dạng kết quả: html (một trang HTML tự chứa: CSS và SVG nội tuyến, không có script), md (Markdown với sơ đồ Mermaid), xlsx (cách tính chi phí tuân thủ theo Điều 27 Thông tư 02/2017/TT-VPCP dưới dạng bảng tính XLSX, công thức hiện rõ; tệp nhị phân: cần -o hoặc chuyển hướng stdout).",
    ),
    ("report", "output", OUT_VI),
    (
        "graph",
        "format",
        "Định dạng kết quả: svg (một hình SVG độc lập, theo bố cục của báo cáo), dot (Graphviz DOT), mermaid (lưu đồ Mermaid).",
    ),
    ("graph", "output", OUT_VI),
    (
        "audit",
        "dir",
        "Thư mục chứa các tệp thủ tục (tìm cả trong thư mục con), hoặc một tệp.",
    ),
    (
        "audit",
        "baseline",
        "Một danh mục gốc: báo cáo mức cắt giảm của từng thủ tục và của toàn bộ.",
    ),
    (
        "audit",
        "format",
        "Định dạng kết quả: table (bảng), csv, md (Markdown), json, jsonl (JSON Lines), xlsx (xlsx cần --out hoặc chuyển hướng stdout).",
    ),
    ("audit", "out", OUT_VI),
    (
        "audit",
        "totals",
        "Ghi thêm các dòng tổng cộng dạng CSV vào TỆP (với --format csv, đây là nơi duy nhất có tổng cộng).",
    ),
    (
        "audit",
        "no_bom",
        "Bỏ dấu thứ tự byte (BOM) UTF-8 mà kết quả CSV (các dòng và --totals) mặc định có ở đầu (Excel cần nó để đọc đúng UTF-8).",
    ),
    (
        "audit",
        "metrics",
        "Thêm một cột với chỉ số này của mọi thủ tục, gọi theo khóa (vd. structure.trips, compliance_cost.hours, administration_cost.per_case); dùng được nhiều lần. `tthc audit --metric list` bị từ chối kèm danh sách các khóa.",
    ),
    (
        "audit",
        "fail_on",
        "Thoát với mã 1 khi có một phát hiện từ mức nghiêm trọng này trở lên (error: lỗi, warn: cảnh báo, info: thông tin; `never` để báo cáo mà không thất bại).",
    ),
    (
        "audit",
        "include_drafts",
        "Rà soát cả các bản dự thảo đơn giản hóa (*.draft.yaml); mặc định chúng bị bỏ qua.",
    ),
    (
        "audit",
        "prefer_drafts",
        "Rà soát danh mục đề xuất: mỗi bản dự thảo thay cho thủ tục cùng đường dẫn (x.draft.yaml thay cho x.yaml).",
    ),
    (
        "audit",
        "target",
        "Với --baseline: một mục tiêu cho cả danh mục (nq68-2020, nq66-2025, nq66-2026, hoặc cost=25,time=30); thoát với mã 1 nếu không đạt.",
    ),
    (
        "import",
        "paths",
        "Các tệp hồ sơ (`.json`: một hồ sơ; `.jsonl`: mỗi dòng một hồ sơ), văn bản thuần (`.txt`), hoặc thư mục chứa chúng (tìm cả trong thư mục con).",
    ),
    (
        "import",
        "out",
        "Thư mục để ghi các tệp thủ tục vào (`<lĩnh vực>/<mã>-<tên>.yaml`).",
    ),
    (
        "import",
        "overwrite",
        "Ghi đè các tệp thủ tục đã có (mặc định chúng được giữ nguyên và được nêu trong báo cáo).",
    ),
    (
        "import",
        "retrieved",
        "Thời điểm đọc các hồ sơ từ Cổng (vd. 2026-07); ghi vào phần đầu của mỗi tệp, vì hồ sơ không mang ngày.",
    ),
    (
        "import",
        "decision",
        "Với văn bản thuần: số của quyết định công bố.",
    ),
    ("import", "format", "Định dạng báo cáo: text hoặc json."),
    (
        "import",
        "report",
        "Ghi thêm báo cáo vào TỆP (JSON khi tên TỆP có đuôi .json).",
    ),
    (
        "import",
        "infer_held",
        "Đánh dấu các giấy tờ của hồ sơ mà một cơ sở dữ liệu nhà nước đang lưu giữ, suy ra từ tên của chúng và các danh mục của Nghị định 104/2022 và Nghị quyết 66.7/2025 (Điều 4, Phụ lục I–II) có hiệu lực hôm nay; ghi thành `held_in: { database, basis, inferred: true }`.",
    ),
    (
        "lsp",
        "stdio",
        "Được chấp nhận cho các trình khách có truyền nó (các trình khách chung của VS Code làm vậy); stdio là kênh truyền duy nhất.",
    ),
    (
        "schema",
        "kind",
        "Định dạng nào: procedure (tệp thủ tục, định dạng tthc/1), review-test (tệp kiểm thử rà soát), config (`tthc.yaml`), reference (tài liệu tham chiếu Markdown của cả ba, docs/format.md).",
    ),
    ("schema", "output", "Ghi vào tệp này thay vì đầu ra chuẩn."),
    (
        "generate",
        "dir",
        "Thư mục để ghi vào (được tạo nếu chưa có).",
    ),
    ("generate", "count", "Số thủ tục cần tạo."),
    (
        "generate",
        "seed",
        "Hạt giống của bộ sinh: cùng một hạt giống cho cùng các tệp.",
    ),
];

/// Vietnamese value placeholders, by the English one (`FILE`) or the arg
/// id in capitals (`PATHS`).
const VALUE_NAMES: &[(&str, &str)] = &[
    ("FILE", "TỆP"),
    ("DIR", "THƯ_MỤC"),
    ("BYTES", "SỐ_BYTE"),
    ("KEY", "KHÓA"),
    ("PERIOD", "KỲ"),
    ("LEVEL", "MỨC"),
    ("DATE", "NGÀY"),
    ("NUMBER", "SỐ"),
    ("PATHS", "ĐƯỜNG_DẪN"),
    ("FORMAT", "ĐỊNH_DẠNG"),
    ("FAIL_ON", "MỨC"),
    ("LANG", "NGÔN_NGỮ"),
    ("FROM", "THỜI_ĐIỂM"),
    ("RECEPTION", "LỊCH"),
    ("DAYS", "SỐ_NGÀY"),
    ("UNIT", "ĐƠN_VỊ"),
    ("HOLIDAYS", "TỆP"),
    ("YEAR", "NĂM"),
    ("RULE", "QUY_TẮC"),
    ("FILTER", "CHUỖI"),
    ("SCENARIO", "KỊCH_BẢN"),
    ("FIGURE", "CON_SỐ"),
    ("BASELINE", "BẢN_HIỆN_HÀNH"),
    ("DRAFT", "DỰ_THẢO"),
    ("TARGET", "MỤC_TIÊU"),
    ("KIND", "LOẠI"),
    ("OUTPUT", "TỆP"),
    ("COUNT", "SỐ_LƯỢNG"),
    ("SEED", "HẠT_GIỐNG"),
];

/// What a value of these flags may be, in Vietnamese: shown when clap
/// refuses a value (the parsers' own messages are English).
const VALUE_HINTS: &[(&str, &str)] = &[
    ("--lang", "dùng vi (tiếng Việt) hoặc en (tiếng Anh)"),
    (
        "--fail-on",
        "dùng error (lỗi), warn (cảnh báo), info (thông tin) hoặc never (không bao giờ)",
    ),
    (
        "--scenario",
        "dùng auto (tự chọn), in-person (trực tiếp), online (trực tuyến) hoặc post (qua bưu chính)",
    ),
    (
        "--standard-times",
        "dùng simple (đơn giản), medium (trung bình) hoặc high (phức tạp)",
    ),
    (
        "--format",
        "dùng table (bảng), csv, md (Markdown), json, jsonl (JSON Lines) hoặc xlsx",
    ),
    (
        "--target",
        "dùng nq68-2020, nq66-2025, nq66-2026, hoặc một tỷ lệ phần trăm như 25, cost=25, time=30, cost=25,time=30",
    ),
    (
        "<CON_SỐ>",
        "dùng chi-phi (cost), thoi-gian (time), tat-ca (all), cat-giam (reduction) hoặc han (due)",
    ),
    ("<NĂM>", "dùng một năm dương lịch, vd. 2026"),
    ("--count", "dùng một số nguyên không âm"),
    ("--seed", "dùng một số nguyên không âm"),
    ("--max-file-size", "dùng một số byte nguyên không âm"),
];

/// The Vietnamese about of command `name`.
pub fn command_vi(name: &str) -> Option<&'static str> {
    COMMANDS.iter().find(|(n, _)| *n == name).map(|(_, vi)| *vi)
}

/// The Vietnamese help of arg `id` of command `cmd`.
pub fn arg_vi(cmd: &str, id: &str) -> Option<&'static str> {
    let find = |c: &str| {
        ARGS.iter()
            .find(|(k, i, _)| *k == c && *i == id)
            .map(|(_, _, vi)| *vi)
    };
    find(cmd).or_else(|| find("*"))
}

fn value_name_vi(name: &str) -> Option<&'static str> {
    VALUE_NAMES
        .iter()
        .find(|(en, _)| *en == name)
        .map(|(_, vi)| *vi)
}

/// The language of the command line, before clap parses it: the last
/// `--lang X` / `--lang=X` before a `--`, then `$TTHC_LANG`, `tthc.yaml`
/// and the default, as every command resolves it.
pub fn cli_lang(args: &[OsString]) -> Lang {
    let mut flag = None;
    let mut iter = args.iter().skip(1);
    while let Some(a) = iter.next() {
        let Some(a) = a.to_str() else { continue };
        if a == "--" {
            break;
        }
        if a == "--lang" {
            if let Some(v) = iter.next().and_then(|v| v.to_str()) {
                flag = v.parse::<Lang>().ok().or(flag);
            }
        } else if let Some(v) = a.strip_prefix("--lang=") {
            flag = v.parse::<Lang>().ok().or(flag);
        }
    }
    crate::output::resolve_lang(flag)
}

/// The command tree in `lang`: unchanged in English but for a `--lang`
/// the root accepts too; in Vietnamese every about, help, placeholder,
/// heading and usage line translated, with `help` as a command of ours.
pub fn localize(cmd: Command, lang: Lang) -> Command {
    let root_lang = Arg::new("lang")
        .long("lang")
        .value_name(lang.pick("NGÔN_NGỮ", "LANG"))
        .value_parser(clap::value_parser!(Lang))
        .help(lang.pick(
            LANG_VI,
            "Language of messages and outputs: vi or en (default: $TTHC_LANG, then `lang:` in tthc.yaml, then vi).",
        ));
    let cmd = cmd.arg(root_lang);
    if lang == Lang::En {
        return cmd;
    }
    let help_cmd = Command::new("help")
        .about("In trợ giúp của tthc hoặc của các lệnh đã cho.")
        .arg(
            Arg::new("command")
                .num_args(0..)
                .value_name("LỆNH")
                .help("Lệnh cần in trợ giúp (có thể là lệnh con của lệnh con)."),
        );
    let mut cmd = vi_command(cmd.disable_help_subcommand(true).subcommand(help_cmd));
    cmd = cmd.disable_version_flag(true).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .help("In số phiên bản."),
    );
    cmd.build();
    set_usage(&mut cmd);
    cmd
}

/// Translates one command and (recursively) its subcommands.
fn vi_command(cmd: Command) -> Command {
    let name = cmd.get_name().to_string();
    let mut cmd = cmd.disable_help_flag(true);
    if let Some(vi) = command_vi(&name) {
        cmd = cmd.about(vi).long_about(None::<&'static str>);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_string())
        .collect();
    for id in &ids {
        let vi = arg_vi(&name, id);
        cmd = cmd.mut_arg(id, |a| vi_arg(a, vi));
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in &subs {
        cmd = cmd.mut_subcommand(sub, vi_command);
    }
    let has = |f: &dyn Fn(&Arg) -> bool| cmd.get_arguments().any(|a| !a.is_hide_set() && f(a));
    let positionals = has(&|a| a.is_positional());
    let commands = cmd.get_subcommands().any(|s| !s.is_hide_set());
    let mut template = String::from("{before-help}{about-with-newline}\nCách dùng: {usage}\n");
    if commands {
        template.push_str("\nCác lệnh:\n{subcommands}\n");
    }
    if positionals {
        template.push_str("\nĐối số:\n{positionals}\n");
    }
    // Every command has options: -h, --help.
    template.push_str("\nTùy chọn:\n{options}\n");
    template.push_str("{after-help}");
    cmd.help_template(template).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help("In trợ giúp (trang này)."),
    )
}

/// Translates one argument: its help (with its default and possible values
/// said in Vietnamese, clap's own English notes hidden) and placeholder.
fn vi_arg(arg: Arg, vi: Option<&'static str>) -> Arg {
    let Some(vi) = vi else { return arg };
    let mut help = vi.to_string();
    let takes_values = arg.get_action().takes_values();
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if takes_values && !values.is_empty() && !values.iter().all(|v| help.contains(v.as_str())) {
        help.push_str(&format!(" [giá trị: {}]", values.join(", ")));
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if takes_values && !defaults.is_empty() {
        help.push_str(&format!(" [mặc định: {}]", defaults.join(", ")));
    }
    let names: Vec<(String, Option<clap::builder::Str>)> = match arg.get_value_names() {
        Some(names) => names
            .iter()
            .map(|n| (n.as_str().to_string(), Some(n.clone())))
            .collect(),
        None => vec![(arg.get_id().as_str().to_ascii_uppercase(), None)],
    };
    let mut arg = arg.help(help).long_help(None::<&'static str>);
    if takes_values {
        arg = arg.hide_default_value(true).hide_possible_values(true);
        let vi_names: Option<Vec<clap::builder::Str>> = names
            .iter()
            .map(|(n, own)| {
                value_name_vi(n)
                    .map(clap::builder::Str::from)
                    .or_else(|| own.clone())
            })
            .collect();
        if let Some(vi_names) = vi_names {
            arg = arg.value_names(vi_names);
        }
    }
    arg
}

/// Sets every command's usage line to clap's with its English
/// placeholders (`[OPTIONS]`, `<COMMAND>`) in Vietnamese.
fn set_usage(cmd: &mut Command) {
    let usage = cmd.render_usage().to_string();
    let usage = usage.strip_prefix("Usage:").unwrap_or(&usage).trim();
    let usage = usage
        .replace("[OPTIONS]", "[TÙY_CHỌN]")
        .replace("<COMMAND>", "<LỆNH>")
        .replace("[COMMAND]", "[LỆNH]");
    *cmd = std::mem::take(cmd).override_usage(usage);
    for sub in cmd.get_subcommands_mut() {
        set_usage(sub);
    }
}

/// `tthc help [CMD…]`: the help of the named (sub)command, or of
/// `tthc`; exit status 0, or 2 for an unknown command.
pub fn print_help_of(cmd: &mut Command, path: &[String]) -> std::process::ExitCode {
    let mut target = cmd;
    for name in path {
        match target.find_subcommand_mut(name) {
            Some(sub) => target = sub,
            None => {
                crate::output::print_error(
                    Lang::Vi,
                    &format!("không có lệnh '{name}': xem `tthc help`"),
                    &format!("no command '{name}': see `tthc help`"),
                );
                return std::process::ExitCode::from(2);
            }
        }
    }
    // No Vietnamese text has a long form: the same page as `CMD --help`.
    let _ = target.print_help();
    std::process::ExitCode::SUCCESS
}

fn text(v: Option<&ContextValue>) -> String {
    match v {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(s)) => s.join(", "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(s)) => s
            .iter()
            .map(StyledStr::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        Some(ContextValue::Number(n)) => n.to_string(),
        Some(ContextValue::Bool(b)) => b.to_string(),
        Some(ContextValue::None) | Some(_) | None => String::new(),
    }
}

fn hint_for(arg: &str) -> Option<&'static str> {
    let flag = arg.split([' ', '=']).next().unwrap_or(arg);
    VALUE_HINTS
        .iter()
        .find(|(k, _)| *k == flag || arg.starts_with(k))
        .map(|(_, vi)| *vi)
}

/// clap's error `e` in Vietnamese: what is wrong, a suggestion when clap
/// has one, the usage line and where to read more.
pub fn error_vi(e: &clap::Error) -> String {
    let arg = text(e.get(ContextKind::InvalidArg));
    let value = text(e.get(ContextKind::InvalidValue));
    let mut msg = match e.kind() {
        ErrorKind::InvalidValue if value.is_empty() => {
            format!("'{arg}' cần một giá trị nhưng không có giá trị nào")
        }
        ErrorKind::InvalidValue => {
            let mut m = format!("giá trị '{value}' không hợp lệ cho '{arg}'");
            let valid = text(e.get(ContextKind::ValidValue));
            if !valid.is_empty() {
                m.push_str(&format!("\n  các giá trị hợp lệ: {valid}"));
            }
            m
        }
        ErrorKind::UnknownArgument => format!("không có tham số '{arg}' ở đây"),
        ErrorKind::InvalidSubcommand => format!(
            "không có lệnh '{}'",
            text(e.get(ContextKind::InvalidSubcommand))
        ),
        ErrorKind::NoEquals => format!("'{arg}' cần giá trị viết liền sau dấu '=' ({arg}=…)"),
        ErrorKind::ValueValidation => {
            let why = match hint_for(&arg) {
                Some(hint) => hint.to_string(),
                None => std::error::Error::source(e)
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            };
            format!("giá trị '{value}' không hợp lệ cho '{arg}': {why}")
        }
        ErrorKind::TooManyValues => {
            format!("giá trị thừa '{value}': '{arg}' không nhận thêm giá trị")
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => format!(
            "'{arg}' cần {} giá trị nhưng có {}",
            text(e.get(ContextKind::ExpectedNumValues)),
            text(e.get(ContextKind::ActualNumValues))
        ),
        ErrorKind::ArgumentConflict => {
            let prior = text(e.get(ContextKind::PriorArg));
            if prior.is_empty() || prior == arg {
                format!("'{arg}' chỉ được dùng một lần")
            } else {
                format!("không dùng được '{arg}' cùng với '{prior}'")
            }
        }
        ErrorKind::MissingRequiredArgument => {
            let list = match e.get(ContextKind::InvalidArg) {
                Some(ContextValue::Strings(s)) => s.join("\n  "),
                other => text(other),
            };
            format!("thiếu tham số bắt buộc:\n  {list}")
        }
        ErrorKind::MissingSubcommand => format!(
            "'{}' cần một lệnh con",
            text(e.get(ContextKind::InvalidSubcommand))
        ),
        ErrorKind::InvalidUtf8 => "một tham số không phải là văn bản UTF-8 hợp lệ".to_string(),
        _ => "dòng lệnh không hợp lệ".to_string(),
    };
    for (kind, label) in [
        (ContextKind::SuggestedArg, "tham số"),
        (ContextKind::SuggestedSubcommand, "lệnh"),
        (ContextKind::SuggestedValue, "giá trị"),
    ] {
        let list: Vec<String> = match e.get(kind) {
            Some(ContextValue::Strings(v)) => v.iter().map(|s| format!("'{s}'")).collect(),
            Some(ContextValue::String(s)) => vec![format!("'{s}'")],
            _ => Vec::new(),
        };
        match list.as_slice() {
            [] => {}
            [one] => msg.push_str(&format!("\n\n  gợi ý: có phải ý bạn là {label} {one}?")),
            many => msg.push_str(&format!(
                "\n\n  gợi ý: có phải ý bạn là một trong các {label} {}?",
                many.join(", ")
            )),
        }
    }
    if let Some(ContextValue::Bool(true)) = e.get(ContextKind::TrailingArg) {
        msg.push_str(&format!(
            "\n\n  gợi ý: để truyền '{arg}' như một giá trị, dùng '-- {arg}'"
        ));
    }
    let mut out = format!("lỗi: {msg}\n");
    let usage = text(e.get(ContextKind::Usage));
    if !usage.is_empty() {
        let usage = usage.strip_prefix("Usage:").unwrap_or(&usage).trim();
        out.push_str(&format!("\nCách dùng: {usage}\n"));
    }
    out.push_str("\nXem thêm: thử '--help'.\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// A Vietnamese text much shorter than a long English one says less.
    fn shorter(vi: &str, en: &str) -> bool {
        let en = en.chars().count();
        en > 40 && vi.chars().count() * 10 < en * 7
    }

    /// Every command and arg of the tree has a Vietnamese text of its own,
    /// not the English one and not much shorter than it.
    fn walk(cmd: &Command, problems: &mut Vec<String>) {
        let name = cmd.get_name();
        let en = cmd
            .get_long_about()
            .or(cmd.get_about())
            .map(ToString::to_string)
            .unwrap_or_default();
        match command_vi(name) {
            None => problems.push(format!("command {name}: no Vietnamese about")),
            Some(vi) if vi == en => problems.push(format!("command {name}: vi = en")),
            Some(vi) if shorter(vi, &en) => {
                problems.push(format!("command {name}: vi much shorter than en"));
            }
            Some(_) => {}
        }
        for a in cmd.get_arguments() {
            let id = a.get_id().as_str();
            if id == "help" || id == "version" {
                continue;
            }
            let en = a
                .get_long_help()
                .or(a.get_help())
                .map(ToString::to_string)
                .unwrap_or_default();
            match arg_vi(name, id) {
                None => problems.push(format!("{name} {id}: no Vietnamese help")),
                Some(vi) if vi == en => problems.push(format!("{name} {id}: vi = en")),
                Some(vi) if shorter(vi, &en) => {
                    problems.push(format!("{name} {id}: vi much shorter than en ({en})"));
                }
                Some(_) => {}
            }
        }
        for sub in cmd.get_subcommands() {
            walk(sub, problems);
        }
    }

    #[test]
    fn every_command_and_arg_has_a_vietnamese_text() {
        let mut problems = Vec::new();
        walk(&crate::Cli::command(), &mut problems);
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn the_tables_name_only_what_exists() {
        let root = crate::Cli::command();
        for (name, _) in COMMANDS {
            assert!(
                *name == "tthc" || root.find_subcommand(name).is_some(),
                "{name}"
            );
        }
        for (cmd, id, _) in ARGS {
            let exists = root.get_subcommands().any(|c| {
                (*cmd == "*" || c.get_name() == *cmd)
                    && c.get_arguments().any(|a| a.get_id().as_str() == *id)
            });
            assert!(exists, "{cmd} {id}");
        }
    }

    fn all_help(cmd: &mut Command, out: &mut String) {
        out.push_str(&cmd.render_long_help().to_string());
        out.push_str(&cmd.render_help().to_string());
        for sub in cmd.get_subcommands_mut() {
            all_help(sub, out);
        }
    }

    #[test]
    fn vietnamese_help_has_no_english_heading_or_note() {
        let mut cmd = localize(crate::Cli::command(), Lang::Vi);
        cmd.clone().debug_assert();
        let mut text = String::new();
        all_help(&mut cmd, &mut text);
        for en in [
            "Usage",
            "Options",
            "Arguments",
            "Commands",
            "[default",
            "possible values",
            "Possible values",
            "Print help",
            "Print version",
            "[OPTIONS]",
            "<COMMAND>",
            "<FILE>",
            "<PATHS>",
        ] {
            assert!(!text.contains(en), "'{en}' in:\n{text}");
        }
        assert!(text.contains("Cách dùng: tthc check [TÙY_CHỌN] <ĐƯỜNG_DẪN>..."));
        assert!(text.contains("[mặc định: text]"), "{text}");
    }

    #[test]
    fn english_help_is_clap_s_own() {
        let mut cmd = localize(crate::Cli::command(), Lang::En);
        let text = cmd.render_help().to_string();
        assert!(text.contains("Usage: tthc [OPTIONS] <COMMAND>"), "{text}");
        assert!(text.contains("Print help"), "{text}");
    }

    fn vi_error(args: &[&str]) -> String {
        let cmd = localize(crate::Cli::command(), Lang::Vi);
        match cmd.try_get_matches_from(args) {
            Ok(_) => String::from("(parsed)"),
            Err(e) => error_vi(&e),
        }
    }

    #[test]
    fn clap_errors_in_vietnamese() {
        let e = vi_error(&["tthc", "check", "p.yaml", "--formt", "json"]);
        assert!(
            e.starts_with("lỗi: không có tham số '--formt' ở đây"),
            "{e}"
        );
        assert!(
            e.contains("gợi ý: có phải ý bạn là tham số '--format'?"),
            "{e}"
        );
        assert!(
            e.contains("Cách dùng: tthc check [TÙY_CHỌN] <ĐƯỜNG_DẪN>..."),
            "{e}"
        );
        assert!(e.ends_with("Xem thêm: thử '--help'.\n"), "{e}");
        let e = vi_error(&["tthc", "check", "p.yaml", "--format", "xml"]);
        assert!(
            e.contains("giá trị 'xml' không hợp lệ cho '--format <ĐỊNH_DẠNG>'"),
            "{e}"
        );
        assert!(e.contains("các giá trị hợp lệ: text, json, sarif"), "{e}");
        let e = vi_error(&["tthc", "check"]);
        assert!(
            e.contains("thiếu tham số bắt buộc:\n  <ĐƯỜNG_DẪN>..."),
            "{e}"
        );
        let e = vi_error(&["tthc", "chek"]);
        assert!(e.contains("không có lệnh 'chek'"), "{e}");
        assert!(
            e.contains("có phải ý bạn là một trong các lệnh 'schema', 'check'?"),
            "{e}"
        );
        let e = vi_error(&["tthc", "check", "p.yaml", "--fail-on", "bad"]);
        assert!(
            e.contains("giá trị 'bad' không hợp lệ cho '--fail-on <MỨC>': dùng error"),
            "{e}"
        );
        let e = vi_error(&["tthc", "check", "p.yaml", "--fix", "--diff"]);
        assert!(
            e.contains("không dùng được '--fix' cùng với '--diff'"),
            "{e}"
        );
        let e = vi_error(&["tthc", "check", "p.yaml", "--lang", "fr"]);
        assert!(
            e.contains("dùng vi (tiếng Việt) hoặc en (tiếng Anh)"),
            "{e}"
        );
        for english in ["error", "unexpected", "invalid", "Usage", "For more", "tip"] {
            assert!(!e.contains(english), "'{english}' in {e}");
        }
    }
}
