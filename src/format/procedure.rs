//! The procedure file, format `tthc/1`: one procedure (thủ tục hành chính)
//! per file.

use super::{Object, Value, Words, doc, key, required};

/// A procedure file.
pub static PROCEDURE: Object = Object {
    name: "procedure",
    doc: doc(
        "Một thủ tục hành chính (một tệp YAML, định dạng tthc/1). Khóa viết bằng tiếng Anh, giá trị thường bằng tiếng Việt.",
        "One administrative procedure (one YAML file, format tthc/1). Keys are English; values are usually Vietnamese.",
    ),
    keys: &[
        required(
            "format",
            Value::Const("tthc/1"),
            "Định dạng của tệp; luôn là `tthc/1`.",
            "The file's format; always `tthc/1`.",
        ),
        key(
            "code",
            Value::Text,
            "Mã thủ tục hành chính trên Cơ sở dữ liệu quốc gia (ví dụ `1.004222`); có thể bỏ trống khi là dự thảo.",
            "The procedure's code in the national database (e.g. `1.004222`); may be left out in a draft.",
        ),
        required(
            "name",
            Value::Text,
            "Tên thủ tục hành chính, như công bố.",
            "The procedure's name, as published.",
        ),
        key(
            "sector",
            Value::Text,
            "Lĩnh vực (ví dụ `Hộ tịch`).",
            "The sector (lĩnh vực, e.g. `Hộ tịch`).",
        ),
        key(
            "level",
            Value::Word(Words::Level),
            "Cấp thực hiện: central (trung ương), province (cấp tỉnh), commune (cấp xã); district (cấp huyện) chỉ còn trong văn bản cũ.",
            "The level that carries it out: central, province, commune; district only in older texts.",
        ),
        key(
            "authority",
            Value::Text,
            "Cơ quan thực hiện.",
            "The authority that carries it out (cơ quan thực hiện).",
        ),
        key(
            "applicants",
            Value::WordList(Words::Applicant),
            "Đối tượng thực hiện: citizen (công dân), business (doanh nghiệp), organization (tổ chức).",
            "Who applies (đối tượng thực hiện): citizen, business, organization.",
        ),
        key(
            "channels",
            Value::OneOf(&[
                Value::WordList(Words::Channel),
                Value::ByChannel(&Value::Object(&CHANNEL)),
            ]),
            "Cách thức thực hiện: danh sách (`[in_person, online, post]`), hoặc ánh xạ kênh → `{ share, main }` khi biết tỷ lệ hồ sơ hoặc kênh chính.",
            "How it is filed (cách thức thực hiện): a list (`[in_person, online, post]`), or a mapping channel → `{ share, main }` when the share of dossiers or the main channel is known.",
        ),
        key(
            "deadline",
            Value::OneOf(&[Value::Duration, Value::Object(&DEADLINE)]),
            "Thời hạn giải quyết như công bố (`07 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ`), hoặc ánh xạ theo kênh, theo trường hợp, với sự kiện bắt đầu.",
            "The processing deadline as published (`7 working days`), or a mapping by channel and by case, with the event it counts from.",
        ),
        key(
            "result",
            Value::Text,
            "Kết quả thực hiện: văn bản tự do, hoặc mã của một giấy tờ trong `documents`.",
            "The result: free text, or the id of a document in `documents`.",
        ),
        key(
            "legal_basis",
            Value::Texts,
            "Căn cứ pháp lý: danh sách văn bản quy phạm pháp luật.",
            "The legal basis (căn cứ pháp lý): a list of legal texts.",
        ),
        key(
            "conditions",
            Value::Texts,
            "Yêu cầu, điều kiện thực hiện; danh sách rỗng `[]` nghĩa là không có.",
            "Requirements and conditions; an empty list `[]` means none.",
        ),
        key(
            "fees",
            Value::List(&Value::Object(&FEE)),
            "Phí, lệ phí; `[]` nghĩa là không thu; thiếu khóa này nghĩa là chưa khai báo.",
            "Fees and charges; `[]` means none are charged; no key means not declared.",
        ),
        key(
            "volume",
            Value::Object(&VOLUME),
            "Số hồ sơ mỗi năm, để tính chi phí tuân thủ cả năm.",
            "Dossiers a year, for the annual compliance cost.",
        ),
        key(
            "allow",
            Value::Entries(&Value::Text),
            "Bỏ qua phát hiện của các quy tắc về cả thủ tục: ánh xạ mã quy tắc → lý do (`{ TT304: luật chuyên ngành buộc chứng thực }`); lý do là bắt buộc, mọi báo cáo đều liệt kê phát hiện bị bỏ qua kèm lý do (docs/suppressions.md).",
            "Silences the findings of these rules about the whole procedure: a mapping rule code → reason (`{ TT304: sectoral law requires it }`); the reason is required, and every report lists the suppressed findings with it (docs/suppressions.md).",
        ),
        key(
            "sources",
            Value::Texts,
            "Nguồn của các số liệu (địa chỉ trang Cổng Dịch vụ công, quyết định công bố).",
            "Where the figures come from (the national portal's page, the publishing decision).",
        ),
        key(
            "documents",
            Value::Entries(&Value::Object(&DOCUMENT)),
            "Thành phần hồ sơ và giấy tờ được cấp: ánh xạ mã → giấy tờ, giữ thứ tự.",
            "The dossier's documents and the documents issued: a mapping id → document, order kept.",
        ),
        required(
            "steps",
            Value::Entries(&Value::Object(&STEP)),
            "Trình tự thực hiện: ánh xạ mã → bước, giữ thứ tự.",
            "The steps (trình tự thực hiện): a mapping id → step, order kept.",
        ),
        key(
            "coordinating",
            Value::Texts,
            "Cơ quan phối hợp.",
            "Coordinating agencies (cơ quan phối hợp).",
        ),
        key(
            "cases",
            Value::Entries(&Value::OneOf(&[Value::Text, Value::Object(&CASE)])),
            "Các trường hợp: ánh xạ mã → tên, hoặc `{ name, share }`; giấy tờ, phí, bước, thời hạn nêu `case:` chỉ áp dụng cho trường hợp đó.",
            "Cases (trường hợp): a mapping id → name, or `{ name, share }`; documents, fees, steps and deadlines that name a `case:` apply only in it.",
        ),
        key(
            "learning",
            Value::Object(&EFFORT),
            "Công sức tìm hiểu thủ tục của người nộp, khi đã ước tính; không khai báo thì không cộng gì.",
            "The applicant's effort to learn about the procedure, when estimated; nothing is added when it is not declared.",
        ),
        key(
            "complexity",
            Value::Word(Words::Complexity),
            "Độ phức tạp (simple / đơn giản, medium / trung bình, high / phức tạp): khi khai báo, thời gian chuẩn (bảng Destatis) được dùng cho các hoạt động tệp chưa ước tính, mỗi dòng ghi rõ là chuẩn.",
            "Complexity (simple, medium, high): when given, standard time values (the Destatis table) fill the activities the file does not estimate, each line labelled as standard.",
        ),
    ],
};

/// The `channel` mapping.
pub static CHANNEL: Object = Object {
    name: "channel",
    doc: doc(
        "Một cách thức nộp hồ sơ, với tỷ lệ hồ sơ và việc đó có phải kênh chính không.",
        "One channel, with its share of dossiers and whether it is the main one.",
    ),
    keys: &[
        key(
            "share",
            Value::Share,
            "Tỷ lệ hồ sơ nộp qua kênh này (0 đến 1).",
            "The share of dossiers filed this way (0 to 1).",
        ),
        key(
            "main",
            Value::Bool,
            "Kênh chính: số liệu tiêu đề tính theo kênh này.",
            "The main channel: the headline figures are this channel's.",
        ),
    ],
};

/// The `deadline` mapping.
pub static DEADLINE: Object = Object {
    name: "deadline",
    doc: doc(
        "Thời hạn giải quyết chi tiết: chung, theo kênh, theo trường hợp.",
        "A detailed deadline: overall, by channel, by case.",
    ),
    keys: &[
        key(
            "duration",
            Value::Duration,
            "Thời hạn chung (`7 ngày làm việc`).",
            "The overall deadline (`7 working days`).",
        ),
        key(
            "from",
            Value::Text,
            "Sự kiện bắt đầu tính thời hạn (`ngày nhận đủ hồ sơ hợp lệ`).",
            "The event the deadline counts from (`receipt of a complete dossier`).",
        ),
        key(
            "cases",
            Value::Entries(&Value::Duration),
            "Thời hạn theo trường hợp: mã trường hợp → thời hạn.",
            "Deadlines by case: case id → deadline.",
        ),
        key(
            "in_person",
            Value::Duration,
            "Thời hạn khi nộp trực tiếp.",
            "The deadline when filed in person.",
        ),
        key(
            "online",
            Value::Duration,
            "Thời hạn khi nộp trực tuyến.",
            "The deadline when filed online.",
        ),
        key(
            "post",
            Value::Duration,
            "Thời hạn khi nộp qua bưu chính.",
            "The deadline when filed by post.",
        ),
    ],
};

/// The `fee` mapping.
pub static FEE: Object = Object {
    name: "fee",
    doc: doc("Một khoản phí hoặc lệ phí.", "One fee or charge."),
    keys: &[
        required(
            "name",
            Value::Text,
            "Tên khoản phí, lệ phí.",
            "The fee's name.",
        ),
        required(
            "amount",
            Value::OneOf(&[Value::Money, Value::ByChannel(&Value::Money)]),
            "Số tiền, đồng (`20.000 đồng`, `Miễn phí`), hoặc theo kênh (`{ in_person: 20.000 đồng, online: 10.000 đồng }`).",
            "The amount in đồng (`20.000 đồng`, `Miễn phí`), or by channel (`{ in_person: 20.000 đồng, online: 10.000 đồng }`).",
        ),
        key(
            "online_amount",
            Value::Money,
            "Số tiền khi nộp trực tuyến (cách viết cũ; nên dùng `amount` theo kênh).",
            "The amount when filed online (older form; prefer `amount` by channel).",
        ),
        key(
            "case",
            Value::CaseRef,
            "Chỉ thu trong trường hợp này (mã trong `cases`).",
            "Charged only in this case (an id of `cases`).",
        ),
        key(
            "when",
            Value::Text,
            "Chỉ thu khi (điều kiện viết tự do); không tính vào trường hợp cơ bản.",
            "Charged only when (a free-text condition); left out of the base case.",
        ),
        key(
            "exempt_when",
            Value::Text,
            "Được miễn khi (điều kiện viết tự do).",
            "Exempt when (a free-text condition).",
        ),
    ],
};

/// The `volume` mapping.
pub static VOLUME: Object = Object {
    name: "volume",
    doc: doc(
        "Số hồ sơ mỗi năm: trực tiếp, hoặc số đối tượng × tần suất.",
        "Dossiers a year: directly, or subjects × frequency.",
    ),
    keys: &[
        key(
            "cases_per_year",
            Value::Count,
            "Số hồ sơ mỗi năm.",
            "Dossiers a year.",
        ),
        key(
            "subjects",
            Value::Count,
            "Số đối tượng phải thực hiện.",
            "How many applicants must do it.",
        ),
        key(
            "frequency",
            Value::Count,
            "Số lần mỗi đối tượng thực hiện trong một năm.",
            "How many times a year each does it.",
        ),
    ],
};

/// The `case` mapping.
pub static CASE: Object = Object {
    name: "case",
    doc: doc(
        "Một trường hợp của thủ tục (ví dụ đăng ký quá hạn).",
        "One case of the procedure (e.g. late registration).",
    ),
    keys: &[
        required("name", Value::Text, "Tên trường hợp.", "The case's name."),
        key(
            "share",
            Value::Share,
            "Tỷ lệ hồ sơ thuộc trường hợp này (0 đến 1).",
            "The share of dossiers in this case (0 to 1).",
        ),
    ],
};

/// The `document` mapping.
pub static DOCUMENT: Object = Object {
    name: "document",
    doc: doc(
        "Một giấy tờ: trong hồ sơ người nộp mang đến, hoặc do một bước cấp ra.",
        "One document: in the dossier the applicant brings, or issued by a step.",
    ),
    keys: &[
        required("name", Value::Text, "Tên giấy tờ.", "The document's name."),
        key(
            "form",
            Value::Word(Words::Form),
            "Hình thức: original (bản chính), copy (bản sao), certified_copy (bản sao có chứng thực), signature_certified (chứng thực chữ ký), electronic (bản điện tử), presented (xuất trình).",
            "Its form: original, copy, certified_copy, signature_certified, electronic, presented (shown, not handed in).",
        ),
        key(
            "copies",
            Value::Count,
            "Số bản; mặc định 1.",
            "How many copies; 1 when not said.",
        ),
        key(
            "pages",
            Value::Count,
            "Số trang, để tính phí chứng thực theo trang.",
            "Its number of pages, for the certification fee per page.",
        ),
        key(
            "template",
            Value::Text,
            "Mẫu đơn, tờ khai (ví dụ `Mẫu số 01, Phụ lục I, Thông tư …`).",
            "Its prescribed form (e.g. `Form 01, Annex I, Circular …`).",
        ),
        key(
            "issued_by",
            Value::Text,
            "Ai lập hoặc cấp: applicant (người nộp, mặc định) hoặc tên cơ quan cấp.",
            "Who makes or issues it: applicant (the default) or the issuing agency.",
        ),
        key(
            "held_in",
            Value::OneOf(&[Value::Text, Value::Object(&HELD_IN)]),
            "Cơ sở dữ liệu nhà nước đã lưu giấy tờ này (tên, hoặc `{ database, basis, inferred }`).",
            "The state database that already holds it (a name, or `{ database, basis, inferred }`).",
        ),
        key(
            "when",
            Value::Text,
            "Chỉ cần khi (điều kiện viết tự do); không tính vào trường hợp cơ bản.",
            "Needed only when (a free-text condition); left out of the base case.",
        ),
        key(
            "case",
            Value::CaseRef,
            "Chỉ cần trong trường hợp này (mã trong `cases`).",
            "Needed only in this case (an id of `cases`).",
        ),
        key(
            "effort",
            Value::Object(&EFFORT),
            "Công sức của người nộp để chuẩn bị hoặc xin giấy tờ này.",
            "The applicant's effort to prepare or obtain it.",
        ),
        key(
            "allow",
            Value::Entries(&Value::Text),
            "Bỏ qua phát hiện của các quy tắc về giấy tờ này: ánh xạ mã quy tắc → lý do (`{ TT304: luật chuyên ngành buộc chứng thực }`); lý do là bắt buộc, mọi báo cáo đều liệt kê phát hiện bị bỏ qua kèm lý do (docs/suppressions.md).",
            "Silences the findings of these rules about this document: a mapping rule code → reason (`{ TT304: sectoral law requires it }`); the reason is required, and every report lists the suppressed findings with it (docs/suppressions.md).",
        ),
    ],
};

/// The `held_in` mapping.
pub static HELD_IN: Object = Object {
    name: "held_in",
    doc: doc(
        "Nơi lưu giấy tờ, với căn cứ.",
        "Where the document is held, with the basis.",
    ),
    keys: &[
        required(
            "database",
            Value::Text,
            "Tên cơ sở dữ liệu (ví dụ `Cơ sở dữ liệu quốc gia về dân cư`).",
            "The database's name (e.g. `Cơ sở dữ liệu quốc gia về dân cư`).",
        ),
        key(
            "basis",
            Value::Text,
            "Căn cứ: văn bản quy định việc khai thác dữ liệu này.",
            "The basis: the legal text that lets agencies use this data.",
        ),
        key(
            "inferred",
            Value::Bool,
            "Do `tthc import --infer-held` suy ra, không do hồ sơ gốc nói.",
            "Inferred by `tthc import --infer-held`, not said by the record.",
        ),
    ],
};

/// The `effort` mapping.
pub static EFFORT: Object = Object {
    name: "effort",
    doc: doc(
        "Công sức của người nộp: giờ, chi phí, số lượt đi lại, số người.",
        "The applicant's effort: hours, money, trips, people.",
    ),
    keys: &[
        key(
            "hours",
            Value::Hours,
            "Số giờ (`0.5`, hoặc `\"0,5\"` trong ngoặc kép).",
            "Hours (`0.5`, or `\"0,5\"` in quotes).",
        ),
        key(
            "cost",
            Value::Money,
            "Chi phí bằng tiền, đồng (ngoài phí, lệ phí).",
            "Money spent, in đồng (besides fees).",
        ),
        key(
            "trips",
            Value::Count,
            "Số lượt đi lại đến cơ quan.",
            "Trips to an office.",
        ),
        key(
            "people",
            Value::Count,
            "Số người phải có mặt (ví dụ hai bên kết hôn); mặc định 1.",
            "How many people must come (e.g. both spouses); 1 when not said.",
        ),
    ],
};

/// The `step` mapping.
pub static STEP: Object = Object {
    name: "step",
    doc: doc(
        "Một bước của trình tự thực hiện.",
        "One step of the procedure.",
    ),
    keys: &[
        required(
            "name",
            Value::Text,
            "Tên bước (`Nộp hồ sơ`).",
            "The step's name (`Submit the dossier`).",
        ),
        required(
            "actor",
            Value::OneOf(&[Value::Text, Value::Texts]),
            "Ai thực hiện: applicant (người nộp) hoặc tên cơ quan, đơn vị; danh sách `[A, B]` khi nhiều cơ quan cùng làm bước này (cơ quan đầu là cơ quan chủ trì).",
            "Who acts: applicant, or the agency or unit; a list `[A, B]` when several agencies do the step together (the first leads).",
        ),
        key(
            "submits",
            Value::DocumentRefs,
            "Giấy tờ người nộp nộp ở bước này (mã trong `documents`).",
            "Documents the applicant hands in at this step (ids of `documents`).",
        ),
        key(
            "uses",
            Value::DocumentRefs,
            "Giấy tờ bước này xem xét.",
            "Documents the step examines.",
        ),
        key(
            "produces",
            Value::DocumentRefs,
            "Giấy tờ bước này cấp ra.",
            "Documents the step issues.",
        ),
        key(
            "effort",
            Value::Object(&EFFORT),
            "Công sức của người nộp ở bước này.",
            "The applicant's effort at this step.",
        ),
        key(
            "duration",
            Value::Duration,
            "Thời gian bước này mất (`3 ngày làm việc`, `4 giờ làm việc`, `trong ngày`).",
            "How long the step takes (`3 working days`, `4 working hours`, `same day`).",
        ),
        key(
            "next",
            Value::StepRefs,
            "Các bước tiếp theo, đều diễn ra (song song khi nhiều bước).",
            "The steps that follow, all of them (in parallel when several).",
        ),
        key(
            "choice",
            Value::StepRefs,
            "Các bước thay thế, chỉ một diễn ra; bước đầu là đường chính.",
            "Alternative next steps, exactly one follows; the first is the main path.",
        ),
        key(
            "rework",
            Value::Object(&REWORK),
            "Yêu cầu bổ sung hồ sơ: quay về bước nào, với xác suất bao nhiêu.",
            "A request to supplement the dossier: back to which step, how often.",
        ),
        key(
            "case",
            Value::CaseRef,
            "Bước chỉ diễn ra trong trường hợp này (mã trong `cases`, ví dụ xác minh): đường găng của trường hợp cơ bản bỏ qua nó, đường găng của trường hợp đó tính nó.",
            "The step happens only in this case (an id of `cases`, e.g. verification): the base case's critical path leaves it out, that case's path includes it.",
        ),
        key(
            "when",
            Value::Text,
            "Bước chỉ diễn ra khi (điều kiện viết tự do); không tính vào trường hợp cơ bản.",
            "The step happens only when (a free-text condition); left out of the base case.",
        ),
        key(
            "staff_hours",
            Value::Hours,
            "Giờ công của cán bộ ở bước này (chi phí hành chính, tính riêng).",
            "Staff hours of the agency at this step (the administration's cost, reported apart).",
        ),
        key(
            "allow",
            Value::Entries(&Value::Text),
            "Bỏ qua phát hiện của các quy tắc về bước này: ánh xạ mã quy tắc → lý do (`{ TT304: luật chuyên ngành buộc chứng thực }`); lý do là bắt buộc, mọi báo cáo đều liệt kê phát hiện bị bỏ qua kèm lý do (docs/suppressions.md).",
            "Silences the findings of these rules about this step: a mapping rule code → reason (`{ TT304: sectoral law requires it }`); the reason is required, and every report lists the suppressed findings with it (docs/suppressions.md).",
        ),
    ],
};

/// The `rework` mapping.
pub static REWORK: Object = Object {
    name: "rework",
    doc: doc(
        "Yêu cầu bổ sung, hoàn thiện hồ sơ.",
        "A request to supplement the dossier.",
    ),
    keys: &[
        required(
            "to",
            Value::StepRef,
            "Bước người nộp quay lại (mã bước).",
            "The step the applicant goes back to (a step id).",
        ),
        required(
            "probability",
            Value::Share,
            "Xác suất hồ sơ phải bổ sung (0 đến 1).",
            "How likely a dossier is sent back (0 to 1).",
        ),
    ],
};
