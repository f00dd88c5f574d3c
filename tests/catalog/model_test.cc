#include "catalog/model.h"

#include <gtest/gtest.h>

namespace luutru::catalog {
namespace {

TEST(Secrecy, ParsesVietnameseWithOrWithoutMarks) {
  EXPECT_EQ(ParseSecrecy("thường"), Secrecy::kNormal);
  EXPECT_EQ(ParseSecrecy("thuong"), Secrecy::kNormal);
  EXPECT_EQ(ParseSecrecy("MẬT"), Secrecy::kConfidential);
  EXPECT_EQ(ParseSecrecy("mat"), Secrecy::kConfidential);
  EXPECT_EQ(ParseSecrecy("Tối mật"), Secrecy::kSecret);
  EXPECT_EQ(ParseSecrecy("toi-mat"), Secrecy::kSecret);
  EXPECT_EQ(ParseSecrecy("tuyet_mat"), Secrecy::kTopSecret);
  EXPECT_EQ(ParseSecrecy("TUYỆT MẬT"), Secrecy::kTopSecret);
  EXPECT_FALSE(ParseSecrecy("bí mật"));
  EXPECT_FALSE(ParseSecrecy(""));
  EXPECT_EQ(SecrecyName(Secrecy::kSecret), "tối mật");
}

TEST(Secrecy, UnknownCountsAsConfidential) {
  EXPECT_EQ(EffectiveSecrecy(std::nullopt), Secrecy::kConfidential);
  EXPECT_EQ(EffectiveSecrecy(Secrecy::kNormal), Secrecy::kNormal);
}

TEST(Urgency, ParsesBothSpellingsOfHoaToc) {
  EXPECT_EQ(ParseUrgency("HỎA TỐC"), Urgency::kFlash);
  EXPECT_EQ(ParseUrgency("HOẢ TỐC"), Urgency::kFlash);
  EXPECT_EQ(ParseUrgency("thượng khẩn"), Urgency::kVeryUrgent);
  EXPECT_EQ(ParseUrgency("Khẩn"), Urgency::kUrgent);
  EXPECT_FALSE(ParseUrgency("gấp"));
}

TEST(PartialDate, ParsesIsoAndDayFirstForms) {
  EXPECT_EQ(ParsePartialDate("2023-03-12"), (PartialDate{2023, 3, 12}));
  EXPECT_EQ(ParsePartialDate("2023-03"), (PartialDate{2023, 3, 0}));
  EXPECT_EQ(ParsePartialDate("2023"), (PartialDate{2023, 0, 0}));
  EXPECT_EQ(ParsePartialDate("12/3/2023"), (PartialDate{2023, 3, 12}));
  EXPECT_EQ(ParsePartialDate("01-10-1997"), (PartialDate{1997, 10, 1}));
  EXPECT_EQ(ParsePartialDate("15.04.2020"), (PartialDate{2020, 4, 15}));
  EXPECT_EQ(ParsePartialDate("29/02/2024"), (PartialDate{2024, 2, 29}));
}

TEST(PartialDate, RejectsImpossibleDates) {
  EXPECT_FALSE(ParsePartialDate("2023-13"));
  EXPECT_FALSE(ParsePartialDate("30/02/2023"));
  EXPECT_FALSE(ParsePartialDate("29/02/2023"));
  EXPECT_FALSE(ParsePartialDate("21/0/1973"));
  EXPECT_FALSE(ParsePartialDate("12/3/23"));
  EXPECT_FALSE(ParsePartialDate("tháng 3"));
}

TEST(PartialDate, PeriodBoundsCoverTheWholePeriod) {
  PartialDate feb{2024, 2, 0};
  EXPECT_EQ(feb.FirstDay(), "20240201");
  EXPECT_EQ(feb.LastDay(), "20240229");
  PartialDate year{2023, 0, 0};
  EXPECT_EQ(year.FirstDay(), "20230101");
  EXPECT_EQ(year.LastDay(), "20231231");
  EXPECT_EQ(year.ToString(), "2023");
  EXPECT_EQ(feb.ToString(), "2024-02");
  EXPECT_EQ((PartialDate{2023, 3, 12}).ToString(), "2023-03-12");
}

TEST(DocumentType, FindsByNameOrCodeWithOrWithoutMarks) {
  EXPECT_EQ(FindDocumentType("Thông báo kết luận")->name, "Thông báo");
  EXPECT_EQ(FindDocumentType("THÔNG BÁO")->code, "TB");
  EXPECT_EQ(FindDocumentType("chi thi")->name, "Chỉ thị");
  EXPECT_EQ(FindDocumentType("CT")->name, "Chỉ thị");
  EXPECT_EQ(FindDocumentType("QD")->name, "Quyết định");
  EXPECT_EQ(FindDocumentType("QĐ")->name, "Quyết định");
  EXPECT_EQ(FindDocumentType("QyĐ")->name, "Quy định");
  EXPECT_EQ(FindDocumentType("DA")->name, "Dự án");
  EXPECT_EQ(FindDocumentType("ĐA")->name, "Đề án");
  EXPECT_EQ(FindDocumentType("nghị quyết liên tịch")->name, "Nghị quyết liên tịch");
  EXPECT_FALSE(FindDocumentType("thong"));
  EXPECT_FALSE(FindDocumentType("XYZ"));
}

TEST(DocumentType, PartyTtIsThongTri) {
  EXPECT_EQ(FindDocumentTypeInNotation("TT", true)->name, "Thông tri");
  EXPECT_EQ(FindDocumentTypeInNotation("TT", false)->name, "Thông tư");
  EXPECT_EQ(FindDocumentTypeInNotation("QĐi", true)->name, "Quy định");
  EXPECT_EQ(TypeKey("Thông báo"), "thongbao");
}

TEST(UnitKey, FoldsMarksCaseSpacesPunctuationAndLeadingZeros) {
  EXPECT_EQ(UnitKey("Phông 12 / Mục lục 01 / ĐVBQ 0345"), "phong12/mucluc1/dvbq345");
  EXPECT_EQ(UnitKey("phong 12/muc luc 1/dvbq 345"), UnitKey("Phông 12 / Mục lục 01 / ĐVBQ 0345"));
  EXPECT_EQ(UnitKey("ĐVBQ 345"), UnitKey("DVBQ-0345"));
  EXPECT_EQ(UnitKey("Hồ sơ 00"), "hoso0");
  EXPECT_EQ(UnitKey(""), "");
}

TEST(ArchiveDocument, IdIsFileAndPageRange) {
  ArchiveDocument doc;
  doc.file = "phong-12/45-TB-TU.pdf";
  doc.first_page = 3;
  doc.last_page = 7;
  EXPECT_EQ(doc.Id(), "phong-12/45-TB-TU.pdf#3-7");
  EXPECT_FALSE(doc.HasOcr());
  doc.pages.push_back(Page{"x", TextSource::kOcr, 80, {}});
  EXPECT_TRUE(doc.HasOcr());
}

}  // namespace
}  // namespace luutru::catalog
