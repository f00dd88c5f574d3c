// Header metadata from page 1: real documents (text layer and OCR), then small headers that vary
// one thing at a time.
#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "catalog/model.h"
#include "indexer/metadata/header_issuer.h"
#include "indexer/metadata/header_metadata.h"
#include "tests/test_support.h"
#include "tokenizers/normalize.h"

namespace luutru::indexer {
namespace {

using catalog::DocumentMetadata;
using catalog::Secrecy;
using catalog::Urgency;

DocumentMetadata Extract(std::string_view raw) { return ExtractHeaderMetadata(tokenizers::NormalizeText(raw)); }

std::string ReadFixture(const std::string& name) {
  const auto path = testing::SourceDir() / "tests/metadata/data" / name;
  std::ifstream in(path);
  EXPECT_TRUE(in) << "missing fixture " << path;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string DateOf(const DocumentMetadata& m) { return m.date ? m.date->ToString() : ""; }

// Expected fields of one fixture. "" = the field must be empty (unknown); kAny = not asserted.
constexpr const char* kAny = "<any>";
struct Expected {
  const char* file;
  const char* number;
  const char* date;
  const char* type;
  const char* issuer;
  const char* title_start;  // the summary starts with this
  std::optional<Secrecy> secrecy;
};

void ExpectField(const char* file, const char* field, const std::optional<std::string>& got, const char* want) {
  if (std::string(want) == kAny) return;
  EXPECT_EQ(got.value_or(""), want) << file << ": " << field;
}

class RealDocumentTest : public ::testing::TestWithParam<Expected> {};

TEST_P(RealDocumentTest, ReadsTheHeader) {
  const Expected& e = GetParam();
  const DocumentMetadata m = Extract(ReadFixture(e.file));
  ExpectField(e.file, "number", m.number, e.number);
  ExpectField(e.file, "date", m.date ? std::optional<std::string>(DateOf(m)) : std::nullopt, e.date);
  ExpectField(e.file, "type", m.type, e.type);
  ExpectField(e.file, "issuer", m.issuer, e.issuer);
  ASSERT_TRUE(m.title.has_value() || std::string(e.title_start).empty()) << e.file;
  EXPECT_EQ(m.title.value_or("").rfind(e.title_start, 0), 0u) << e.file << ": title " << m.title.value_or("");
  EXPECT_EQ(m.secrecy, e.secrecy) << e.file;
  EXPECT_FALSE(m.urgency.has_value()) << e.file;
}

// The true metadata is what the real PDFs' README gives; the OCR text is what Tesseract (vie)
// read from each scan's page 1. Handwritten numbers and days that OCR turned into debris
// ("4# /CT-UBND", "ngày.Ê0") are unknown. The 23/BC-UBND scan's handwritten "23" reads as a
// clean "22": no rule can tell, so that number is not asserted.
INSTANTIATE_TEST_SUITE_P(
    Fixtures, RealDocumentTest,
    ::testing::Values(
        Expected{"qn_2025_11-TB-UBND_text.txt", "11/TB-UBND", "2025-01-08", "Thông báo",
                 "Ủy ban nhân dân tỉnh Quảng Ngãi", "Kết luận của Phó Chủ tịch UBND tỉnh Võ Phiên", Secrecy::kNormal},
        Expected{"qn_2025_11-TB-UBND_layout.txt", "11/TB-UBND", "2025-01-08", "Thông báo",
                 "Ủy ban nhân dân tỉnh Quảng Ngãi", "Kết luận của Phó Chủ tịch UBND tỉnh Võ Phiên", Secrecy::kNormal},
        Expected{"bnnmt_2026_445-QD-BNNMT_text.txt", "445/QĐ-BNNMT", "2026-02-02", "Quyết định",
                 "Bộ Nông nghiệp và Môi trường", "VỀ VIỆC CÔNG BỐ THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ", Secrecy::kNormal},
        Expected{"bnnmt_2026_445-QD-BNNMT_layout.txt", "445/QĐ-BNNMT", "2026-02-02", "Quyết định",
                 "Bộ Nông nghiệp và Môi trường", "VỀ VIỆC CÔNG BỐ THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ", Secrecy::kNormal},
        Expected{"qn_2020_05-CT-UBND_scan_ocr.txt", "", "2020-04", "Chỉ thị", "Ủy ban nhân dân tỉnh Quảng Ngãi",
                 "Vêviệc triển khai thực hiện mở rộng nộp thuế", Secrecy::kNormal},
        Expected{"qn_2018_07-CT-UBND_scan_ocr.txt", "", "2018-03", "Chỉ thị", "Ủy ban nhân dân tỉnh Quảng Ngãi",
                 "Về việc tăng cường công", Secrecy::kNormal},
        Expected{"qn_2025_23-BC-UBND_scan_ocr.txt", kAny, "2025-01", "Báo cáo", "Ủy ban nhân dân tỉnh Quảng Ngãi",
                 "Tình hình, kết quả thực hiện công tác cải cách", Secrecy::kNormal},
        Expected{"qn_2025_574-UBND-KTTH_scan_ocr.txt", "", "2025-02", "Công văn", "Ủy ban nhân dân tỉnh Quảng Ngãi",
                 "đăng ký bổ sung nội dung trình HĐND tỉnh tại kỳ họp thứ 31", Secrecy::kNormal},
        Expected{"hcmuit_2026_753-KH-DCT_scan_ocr.txt", "", "2026-06", "Kế hoạch", kAny,
                 "Khảo sát, xác định chỉ số hài lòng của người dân", Secrecy::kNormal}));

TEST(RealDocument, OcrIssuerOfTheUniversityKeepsItsName) {
  // OCR misreads "PHỐ HỒ" as "PHÓ HÒ"; the body and its superior are still told apart.
  const DocumentMetadata m = Extract(ReadFixture("hcmuit_2026_753-KH-DCT_scan_ocr.txt"));
  ASSERT_TRUE(m.issuer);
  EXPECT_EQ(m.issuer->rfind("Trường Đại học Công Thương thành ph", 0), 0u) << *m.issuer;
}

TEST(RealDocument, SignatureStampAloneIsNoHeader) {
  // The thin text layer of a Quảng Ngãi scan: the e-signature stamp with its dates. Nothing in it
  // is the document's date, and with no readable header the secrecy stays unknown.
  const DocumentMetadata m = Extract(ReadFixture("qn_2025_23-BC-UBND_stamp_only.txt"));
  EXPECT_FALSE(m.date);
  EXPECT_FALSE(m.number);
  EXPECT_FALSE(m.issuer);
  EXPECT_FALSE(m.secrecy);
}

TEST(RealDocument, BodyCitationsAreNotTheDocumentsOwn) {
  // The decision's body cites "Nghị định số 35/2025/NĐ-CP ngày 25 tháng 02 năm 2025" before its
  // own fields would be found if the header zone were ignored.
  const DocumentMetadata m = Extract(ReadFixture("bnnmt_2026_445-QD-BNNMT_text.txt"));
  EXPECT_EQ(m.number.value_or(""), "445/QĐ-BNNMT");
  EXPECT_EQ(DateOf(m), "2026-02-02");
}

TEST(RealDocument, ContinuationPageHasNoHeader) {
  // Page 2 of the decision: signature block, recipients ("- Sở NN&MT các tỉnh") and the appendix
  // heading citing "Quyết định số 445/QĐ-BNNMT ngày 02 tháng 02 năm 2026". None of it is a header.
  const DocumentMetadata m = Extract(ReadFixture("bnnmt_2026_445-QD-BNNMT_page2_layout.txt"));
  EXPECT_FALSE(m.number);
  EXPECT_FALSE(m.date);
  EXPECT_FALSE(m.type);
  EXPECT_FALSE(m.issuer);
  EXPECT_FALSE(m.secrecy);
}

TEST(Unreadable, EmptyOrDebrisPageLeavesEverythingUnknown) {
  for (const char* text : {"", "\n\n   \n", "~~ ,. ;; ''\n|||\n"}) {
    const DocumentMetadata m = Extract(text);
    EXPECT_FALSE(m.secrecy) << '"' << text << '"';
    EXPECT_FALSE(m.number);
    EXPECT_FALSE(m.date);
    EXPECT_FALSE(m.type);
    EXPECT_FALSE(m.issuer);
    EXPECT_FALSE(m.title);
  }
}

// --- Small headers, one variation each -----------------------------------------------------

constexpr const char* kPartyHeader =
    "TỈNH ỦY THÁI BÌNH\n"
    "*\n"
    "Số 45-TB/TU\n"
    "ĐẢNG CỘNG SẢN VIỆT NAM\n"
    "Thái Bình, ngày 12 tháng 3 năm 2023\n"
    "THÔNG BÁO KẾT LUẬN\n"
    "của Ban Thường vụ Tỉnh ủy về xây dựng nhà đại đoàn kết\n"
    "cho hộ nghèo năm 2023\n"
    "\n"
    "Ngày 10/3/2023, Ban Thường vụ Tỉnh ủy họp, căn cứ Chỉ thị số 07/CT-TTg ngày 12/3/2020\n"
    "của Thủ tướng Chính phủ và Kết luận số 12-KL/TU ngày 01-10-2021, kết luận như sau:\n"
    "1. Giữ bí mật nhà nước, tài liệu mật phải được quản lý chặt chẽ.\n";

TEST(Header, PartyNoticeOfConclusions) {
  const DocumentMetadata m = Extract(kPartyHeader);
  EXPECT_EQ(m.number.value_or(""), "45-TB/TU");
  EXPECT_EQ(DateOf(m), "2023-03-12");
  EXPECT_EQ(m.type.value_or(""), "Thông báo");
  EXPECT_EQ(m.issuer.value_or(""), "Tỉnh ủy Thái Bình");
  EXPECT_EQ(m.title.value_or(""),
            "KẾT LUẬN của Ban Thường vụ Tỉnh ủy về xây dựng nhà đại đoàn kết cho hộ nghèo năm 2023");
  // "bí mật" and "tài liệu mật" in the body are prose, not stamps.
  EXPECT_EQ(m.secrecy, Secrecy::kNormal);
  EXPECT_FALSE(m.urgency);
}

TEST(Header, SideBySideLayout) {
  const DocumentMetadata m = Extract(
      "      TỈNH ỦY THÁI BÌNH                    ĐẢNG CỘNG SẢN VIỆT NAM\n"
      "       BAN THƯỜNG VỤ\n"
      "             *\n"
      "      Số 15-NQ/TU                 Thái Bình, ngày 05 tháng 01 năm 2024\n"
      "\n"
      "                          NGHỊ QUYẾT\n"
      "              VỀ PHÁT TRIỂN NÔNG NGHIỆP BỀN VỮNG\n"
      "\n"
      "Căn cứ Điều lệ Đảng; Nghị quyết số 19-NQ/TW ngày 16 tháng 6 năm 2022.\n");
  EXPECT_EQ(m.number.value_or(""), "15-NQ/TU");
  EXPECT_EQ(DateOf(m), "2024-01-05");
  EXPECT_EQ(m.type.value_or(""), "Nghị quyết");
  // The Standing Committee acts as the committee: the issuer is the Tỉnh ủy.
  EXPECT_EQ(m.issuer.value_or(""), "Tỉnh ủy Thái Bình");
  EXPECT_EQ(m.title.value_or(""), "VỀ PHÁT TRIỂN NÔNG NGHIỆP BỀN VỮNG");
}

TEST(Header, PartyDepartmentIsNamedWithItsCommittee) {
  const DocumentMetadata m = Extract(
      "TỈNH ỦY QUẢNG NINH\nBAN TUYÊN GIÁO\n*\nSố 234-HD/BTGTU\n"
      "ĐẢNG CỘNG SẢN VIỆT NAM\nHạ Long, ngày 3 tháng 4 năm 2018\nHƯỚNG DẪN\n"
      "tuyên truyền kỷ niệm ngày thành lập Đảng\n\nThực hiện kế hoạch của Ban Thường vụ.\n");
  EXPECT_EQ(m.issuer.value_or(""), "Ban Tuyên giáo Tỉnh ủy Quảng Ninh");
  EXPECT_EQ(m.type.value_or(""), "Hướng dẫn");
  EXPECT_EQ(m.number.value_or(""), "234-HD/BTGTU");
  EXPECT_EQ(DateOf(m), "2018-04-03");
}

TEST(Header, StateDepartmentTakesItsProvince) {
  const DocumentMetadata m = Extract(
      "UBND TỈNH QUẢNG NGÃI\nSỞ TÀI CHÍNH\n\nSố: 287/STC-HCSN\nV/v giao dự toán năm 2025\n"
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
      "Quảng Ngãi, ngày 04 tháng 02 năm 2025\n\nKính gửi: Ủy ban nhân dân tỉnh\n");
  EXPECT_EQ(m.issuer.value_or(""), "Sở Tài chính tỉnh Quảng Ngãi");
  EXPECT_EQ(m.type.value_or(""), "Công văn");
  EXPECT_EQ(m.title.value_or(""), "giao dự toán năm 2025");
  EXPECT_EQ(m.number.value_or(""), "287/STC-HCSN");
}

TEST(Header, OcrRunsTheBlocksTogether) {
  // Tesseract reads the two header blocks line by line with single spaces between them.
  const DocumentMetadata m = Extract(
      "TỈNH ỦY THÁI BÌNH ĐẢNG CỘNG SẢN VIỆT NAM\n"
      "BAN THƯỜNG VỤ\n"
      "* Thái Bình, ngày 12 tháng 3 năm 2023\n"
      "Số 45-TB/TU\n"
      "THÔNG BÁO\n"
      "Kết luận của Ban Thường vụ Tỉnh ủy\n"
      "\n"
      "Ngày 10/3/2023, Ban Thường vụ họp.\n");
  EXPECT_EQ(m.number.value_or(""), "45-TB/TU");
  EXPECT_EQ(DateOf(m), "2023-03-12");
  EXPECT_EQ(m.issuer.value_or(""), "Tỉnh ủy Thái Bình");
  EXPECT_EQ(m.title.value_or(""), "Kết luận của Ban Thường vụ Tỉnh ủy");
}

TEST(Header, NumberRunOnAfterTheIssuer) {
  const DocumentMetadata m = Extract(
      "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "TỈNH QUẢNG NGÃI Số: 11/TB-UBND Quảng Ngãi, ngày 08 tháng 01 năm 2025\n"
      "THÔNG BÁO\nKết luận của Phó Chủ tịch\n\nNgày 03/01/2025, họp.\n");
  EXPECT_EQ(m.number.value_or(""), "11/TB-UBND");
  EXPECT_EQ(DateOf(m), "2025-01-08");
  EXPECT_EQ(m.issuer.value_or(""), "Ủy ban nhân dân tỉnh Quảng Ngãi");
}

// A text layer may hold a whole page on one line: the issuer is still cut from the motto after
// thousands of words, and each word is folded once (the text was folded again for every word,
// and such a line took close to a second).
TEST(Header, IssuerOnALineOfThousandsOfWords) {
  std::string line = "ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI";
  for (int i = 0; i < 3000; ++i) line += " trang";
  const DocumentMetadata m = Extract(line + " CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 11/TB-UBND Quảng Ngãi, ngày 08 " +
                                     "tháng 01 năm 2025\nTHÔNG BÁO\nKết luận\n");
  EXPECT_EQ(m.number.value_or(""), "11/TB-UBND");
  EXPECT_EQ(m.issuer.value_or(""), "Ủy ban nhân dân tỉnh Quảng Ngãi");
}

struct Variant {
  const char* name;
  const char* text;
  const char* number;
  const char* date;
  const char* type;
};

class VariantTest : public ::testing::TestWithParam<Variant> {};

TEST_P(VariantTest, Reads) {
  const Variant& v = GetParam();
  const DocumentMetadata m = Extract(v.text);
  EXPECT_EQ(m.number.value_or(""), v.number) << v.name;
  EXPECT_EQ(DateOf(m), v.date) << v.name;
  EXPECT_EQ(m.type.value_or(""), v.type) << v.name;
}

#define STATE_TOP "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
#define PARTY_TOP "TỈNH ỦY THÁI BÌNH\n*\nĐẢNG CỘNG SẢN VIỆT NAM\n"

INSTANTIATE_TEST_SUITE_P(
    Headers, VariantTest,
    ::testing::Values(
        Variant{"decision", STATE_TOP "Số: 15/QĐ-UBND\nQuảng Ngãi, ngày 5 tháng 1 năm 2020\nQUYẾT ĐỊNH\nVề việc x\n",
                "15/QĐ-UBND", "2020-01-05", "Quyết định"},
        Variant{"decree with year",
                "CHÍNH PHỦ\nSố: 30/2020/NĐ-CP\nHà Nội, ngày 05 tháng 3 năm 2020\nNGHỊ ĐỊNH\nVề công tác văn thư\n",
                "30/2020/NĐ-CP", "2020-03-05", "Nghị định"},
        Variant{"eth for Đ", STATE_TOP "Số: 16/Q\xC3\x90-UBND\nQuảng Ngãi, ngày 6 tháng 1 năm 2020\n", "16/QĐ-UBND",
                "2020-01-06", "Quyết định"},
        Variant{"no diacritics", PARTY_TOP "So 45-TB/TU\nThai Binh, ngay 12 thang 3 nam 2023\n", "45-TB/TU",
                "2023-03-12", "Thông báo"},
        Variant{"S6 for Số", STATE_TOP "S6: 12/CT-UBND\nQuảng Ngãi, ngày 2 tháng 2 năm 2021\n", "12/CT-UBND",
                "2021-02-02", "Chỉ thị"},
        Variant{"Sô for Số", STATE_TOP "Sô: 13/KH-UBND\nQuảng Ngãi, ngày 2 tháng 2 năm 2021\n", "13/KH-UBND",
                "2021-02-02", "Kế hoạch"},
        Variant{"space inside the number", PARTY_TOP "Số 1 5-NQ/TU\nThái Bình, ngày 1 tháng 6 năm 2022\n", "15-NQ/TU",
                "2022-06-01", "Nghị quyết"},
        Variant{"O for 0", STATE_TOP "Số: 1O5/BC-UBND\nQuảng Ngãi, ngày O3 tháng 1O năm 2O22\n", "105/BC-UBND",
                "2022-10-03", "Báo cáo"},
        Variant{"stray punctuation", STATE_TOP "Số: 07 /TTr-UBND.\nQuảng Ngãi, ngày 07 tháng 11 năm 2019.\n",
                "07/TTr-UBND", "2019-11-07", "Tờ trình"},
        Variant{"split over two lines", STATE_TOP "Số: 542\n/TB-UBND\nQuảng Ngãi, ngày 20 tháng 8 năm 2024\n",
                "542/TB-UBND", "2024-08-20", "Thông báo"},
        Variant{"glued prefix", STATE_TOP "Số:542/TB-UBND\nQuảng Ngãi, ngày 20 tháng 8 năm 2024\n", "542/TB-UBND",
                "2024-08-20", "Thông báo"},
        Variant{"state công văn by notation", STATE_TOP "Số: 574/UBND-KTTH\nQuảng Ngãi, ngày 04 tháng 02 năm 2025\n",
                "574/UBND-KTTH", "2025-02-04", "Công văn"},
        Variant{"party công văn", PARTY_TOP "Số 416-CV/TU\nThái Bình, ngày 9 tháng 9 năm 2021\n", "416-CV/TU",
                "2021-09-09", "Công văn"},
        Variant{"party regulation QĐi", PARTY_TOP "Số 66-QĐi/TU\nThái Bình, ngày 9 tháng 9 năm 2021\n", "66-QĐi/TU",
                "2021-09-09", "Quy định"},
        Variant{"state regulation QyĐ", STATE_TOP "Số: 03/QyĐ-UBND\nQuảng Ngãi, ngày 9 tháng 9 năm 2021\n",
                "03/QyĐ-UBND", "2021-09-09", "Quy định"},
        Variant{"party thông tri", PARTY_TOP "Số 05-TT/TU\nThái Bình, ngày 9 tháng 9 năm 2021\n", "05-TT/TU",
                "2021-09-09", "Thông tri"},
        Variant{"party conclusion", PARTY_TOP "Số 12-KL/TU\nThái Bình, ngày 9 tháng 9 năm 2021\nKẾT LUẬN\nvề việc y\n",
                "12-KL/TU", "2021-09-09", "Kết luận"},
        Variant{"handwritten day left blank", STATE_TOP "Số: 05 /CT-UBND\nQuảng Ngãi, ngày      tháng 4 năm 2020\n",
                "05/CT-UBND", "2020-04", "Chỉ thị"},
        Variant{"dotted blanks", STATE_TOP "Số:    /CT-UBND\nQuảng Ngãi, ngày ..... tháng ..... năm 2020\n", "", "2020",
                "Chỉ thị"},
        Variant{"unreadable handwritten number", STATE_TOP "Số: 4# /CT-UBND\nQuảng Ngãi, ngày.Ê0 tháng 3 năm 2018\n",
                "", "2018-03", "Chỉ thị"},
        Variant{"impossible day keeps the month", STATE_TOP "Số: 9/HD-UBND\nQuảng Ngãi, ngày 31 tháng 2 năm 2018\n",
                "9/HD-UBND", "2018-02", "Hướng dẫn"},
        Variant{"heading wins over notation",
                STATE_TOP "Số: 20/UBND-VX\nQuảng Ngãi, ngày 1 tháng 7 năm 2019\nKẾ HOẠCH\nTriển khai z\n", "20/UBND-VX",
                "2019-07-01", "Kế hoạch"},
        Variant{"V/v makes a công văn",
                STATE_TOP "Số: 21/BC-UBND\nV/v báo cáo số liệu\nQuảng Ngãi, ngày 1 tháng 7 năm 2019\n", "21/BC-UBND",
                "2019-07-01", "Công văn"},
        Variant{"e-signature stamp date is not the date",
                "Người ký: Ủy ban nhân dân tỉnh Quảng Ngãi\nThời gian ký: 15.04.2020 07:37:07 +07:00\n" STATE_TOP
                "Số: 05/CT-UBND\nQuảng Ngãi, ngày    tháng 4 năm 2020\nCHỈ THỊ\nVề việc a\n",
                "05/CT-UBND", "2020-04", "Chỉ thị"},
        Variant{"government's older dash form names no type",
                "HỘI ĐỒNG CHÍNH PHỦ\nSố: 156-CP\nHà Nội, ngày 10 tháng 7 năm 1968\n", "156-CP", "1968-07-10", ""},
        Variant{"older dash form under its heading",
                "HỘI ĐỒNG BỘ TRƯỞNG\nSố: 86-HĐBT\nHà Nội, ngày 8 tháng 4 năm 1983\nNGHỊ ĐỊNH\nVề nhiệm vụ\n", "86-HĐBT",
                "1983-04-08", "Nghị định"},
        Variant{"ministry's dash form with its type last",
                "BỘ Y TẾ\nSố: 1050-BYT-QĐ\nHà Nội, ngày 2 tháng 7 năm 1963\n", "1050-BYT-QĐ", "1963-07-02",
                "Quyết định"},
        Variant{"ministry's older slashed form", "BỘ Y TẾ\nSố: 273-BYT/NĐ\nHà Nội, ngày 2 tháng 7 năm 1963\n",
                "273-BYT/NĐ", "1963-07-02", ""},
        Variant{"letter after the number", STATE_TOP "Số: 276a/QĐ-UBDT\nQuảng Ngãi, ngày 9 tháng 9 năm 2021\n",
                "276a/QĐ-UBDT", "2021-09-09", "Quyết định"},
        Variant{"dotted suffix", STATE_TOP "Số: 10/2004/QĐ.UB\nQuảng Ngãi, ngày 9 tháng 9 năm 2004\n", "10/2004/QĐ.UB",
                "2004-09-09", "Quyết định"},
        Variant{"dotted unit after the issuer", STATE_TOP "Số: 1125/QĐ-UBND.HC\nQuảng Ngãi, ngày 9 tháng 9 năm 2021\n",
                "1125/QĐ-UBND.HC", "2021-09-09", "Quyết định"},
        Variant{"slashed suffix", "BỘ NÔNG NGHIỆP\nSố: 08/2004/QĐ-BNN/TY\nHà Nội, ngày 9 tháng 3 năm 2004\n",
                "08/2004/QĐ-BNN/TY", "2004-03-09", "Quyết định"},
        Variant{"sub-number", "BỘ Y TẾ\nCỤC QUẢN LÝ DƯỢC\nSố: 748/3/QĐ-QLD\nHà Nội, ngày 9 tháng 3 năm 2010\n",
                "748/3/QĐ-QLD", "2010-03-09", "Quyết định"},
        Variant{"body citation is not the number or date",
                STATE_TOP "CHỈ THỊ\nVề việc b\nThực hiện Chỉ thị số 07/CT-TTg ngày 12/3/2020 của Thủ tướng Chính phủ,\n"
                          "Số: 99/QĐ-TTg, Hà Nội, ngày 12 tháng 3 năm 2020\n",
                "", "", "Chỉ thị"}));

TEST(Stamps, SecrecyAndUrgencyStampsInTheHeader) {
  struct Case {
    const char* stamp;
    std::optional<Secrecy> secrecy;
    std::optional<Urgency> urgency;
  };
  const Case cases[] = {
      {"MẬT", Secrecy::kConfidential, std::nullopt},
      {"TỐI MẬT", Secrecy::kSecret, std::nullopt},
      {"TUYỆT MẬT", Secrecy::kTopSecret, std::nullopt},
      {"KHẨN", Secrecy::kNormal, Urgency::kUrgent},
      {"THƯỢNG KHẨN", Secrecy::kNormal, Urgency::kVeryUrgent},
      {"HỎA TỐC", Secrecy::kNormal, Urgency::kFlash},
      {"HOẢ TỐC", Secrecy::kNormal, Urgency::kFlash},
      {"TỐI MẬT      HỎA TỐC", Secrecy::kSecret, Urgency::kFlash},
      {"", Secrecy::kNormal, std::nullopt},
  };
  for (const Case& c : cases) {
    const std::string text = std::string(PARTY_TOP "Số 45-TB/TU\nThái Bình, ngày 12 tháng 3 năm 2023\n") + c.stamp +
                             "\nTHÔNG BÁO\nvề công tác bảo vệ bí mật nhà nước\n\nNội dung khẩn trương, mật.\n";
    const DocumentMetadata m = Extract(text);
    EXPECT_EQ(m.secrecy, c.secrecy) << c.stamp;
    EXPECT_EQ(m.urgency, c.urgency) << c.stamp;
  }
}

TEST(Stamps, StampBesideTheNumberInOcrLine) {
  const DocumentMetadata m =
      Extract(STATE_TOP "Số: 12/QĐ-UBND MẬT\nQuảng Ngãi, ngày 2 tháng 2 năm 2022\nQUYẾT ĐỊNH\nVề việc c\n");
  EXPECT_EQ(m.secrecy, Secrecy::kConfidential);
  EXPECT_EQ(m.number.value_or(""), "12/QĐ-UBND");
}

TEST(Stamps, SecretWordInACapitalsTitleIsNoStamp) {
  const DocumentMetadata m =
      Extract(STATE_TOP "Số: 12/QĐ-UBND\nQuảng Ngãi, ngày 2 tháng 2 năm 2022\nQUY CHẾ\nBẢO VỆ BÍ MẬT NHÀ NƯỚC\n");
  EXPECT_EQ(m.secrecy, Secrecy::kNormal);
  EXPECT_EQ(m.type.value_or(""), "Quy chế");
  EXPECT_EQ(m.title.value_or(""), "BẢO VỆ BÍ MẬT NHÀ NƯỚC");
}

TEST(Issuer, WrittenInNormalCapitalization) {
  struct Case {
    const char* block;
    const char* issuer;
  };
  const Case cases[] = {
      {"UBND TỈNH QUẢNG NGÃI", "Ủy ban nhân dân tỉnh Quảng Ngãi"},
      {"ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI", "Ủy ban nhân dân tỉnh Quảng Ngãi"},
      {"ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI", "Ủy ban nhân dân thành phố Hà Nội"},
      {"HĐND HUYỆN KIẾN XƯƠNG", "Hội đồng nhân dân huyện Kiến Xương"},
      {"TỈNH ỦY THÁI BÌNH", "Tỉnh ủy Thái Bình"},
      {"HUYỆN ỦY KIẾN XƯƠNG", "Huyện ủy Kiến Xương"},
      {"BỘ NÔNG NGHIỆP VÀ\nMÔI TRƯỜNG", "Bộ Nông nghiệp và Môi trường"},
      {"BỘ NỘI VỤ", "Bộ Nội vụ"},
      {"VĂN PHÒNG CHÍNH PHỦ", "Văn phòng Chính phủ"},
      {"BỘ CÔNG THƯƠNG\nTRƯỜNG ĐẠI HỌC CÔNG THƯƠNG", "Trường Đại học Công Thương"},
  };
  for (const Case& c : cases) {
    const std::string text = std::string(c.block) +
                             "\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 15/QĐ-UBND\nHà Nội, ngày 5 tháng 1 năm 2020\n";
    EXPECT_EQ(Extract(text).issuer.value_or(""), c.issuer) << c.block;
  }
}

}  // namespace
}  // namespace luutru::indexer
