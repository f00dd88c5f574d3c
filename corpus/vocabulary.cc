#include "corpus/vocabulary.h"

namespace luutru::corpus {

const std::vector<Topic>& Topics() {
  static const std::vector<Topic> topics = {
      {"công tác giảm nghèo",
       {"về thực hiện chính sách hỗ trợ hộ nghèo, hộ cận nghèo", "về huy động Quỹ Vì người nghèo",
        "về xóa nhà tạm, nhà dột nát cho hộ nghèo"},
       {"Các cấp ủy, chính quyền đã rà soát kỹ danh sách hộ nghèo, hộ cận nghèo để hỗ trợ đúng đối tượng.",
        "Quỹ Vì người nghèo các cấp tiếp nhận ủng hộ và giải ngân kịp thời cho các gia đình khó khăn.",
        "Nhiều hộ được vay vốn ưu đãi để chăn nuôi, trồng cây ăn quả và ổn định cuộc sống.",
        "Tỷ lệ hộ nghèo trên địa bàn giảm còn {pct}%, vượt chỉ tiêu nghị quyết đề ra.",
        "Trong kỳ đã xây mới và sửa chữa {count} nhà đại đoàn kết cho hộ có hoàn cảnh đặc biệt khó khăn."}},
      {"công tác xây dựng Đảng",
       {"về nâng cao chất lượng sinh hoạt chi bộ", "về công tác phát triển đảng viên",
        "về kiểm điểm, đánh giá, xếp loại tổ chức đảng và đảng viên"},
       {"Các chi bộ duy trì nền nếp sinh hoạt định kỳ, nội dung sinh hoạt có chuyên đề thiết thực.",
        "Công tác phát triển đảng viên được quan tâm, trong kỳ đã kết nạp {count} đảng viên mới.",
        "Việc tự phê bình và phê bình được tiến hành nghiêm túc, đúng quy định của Điều lệ Đảng.",
        "Cấp ủy các cấp tăng cường kiểm tra, giám sát việc thực hiện nhiệm vụ của tổ chức đảng.",
        "Đội ngũ cán bộ chủ chốt cơ sở được bồi dưỡng lý luận chính trị và nghiệp vụ công tác đảng."}},
      {"công tác văn thư, lưu trữ",
       {"về chỉnh lý tài liệu lưu trữ tồn đọng", "về số hóa tài liệu lưu trữ lịch sử",
        "về nộp lưu hồ sơ, tài liệu vào Lưu trữ lịch sử"},
       {"Các cơ quan, đơn vị lập hồ sơ công việc và nộp lưu vào lưu trữ cơ quan đúng thời hạn.",
        "Kho lưu trữ được trang bị giá, hộp và thiết bị phòng cháy, chữa cháy theo quy định.",
        "Đã chỉnh lý hoàn chỉnh {count} mét giá tài liệu, lập mục lục hồ sơ phục vụ tra cứu.",
        "Việc số hóa tài liệu lưu trữ bảo đảm an toàn thông tin và giữ nguyên giá trị pháp lý của bản gốc.",
        "Yêu cầu khai thác tài liệu của tổ chức, cá nhân được giải quyết nhanh chóng, đúng chế độ."}},
      {"quản lý đất đai",
       {"về tăng cường quản lý nhà nước về đất đai", "về cấp giấy chứng nhận quyền sử dụng đất",
        "về xử lý vi phạm trong sử dụng đất công"},
       {"Ủy ban nhân dân cấp huyện rà soát quỹ đất công, kiên quyết xử lý các trường hợp lấn chiếm.",
        "Việc cấp giấy chứng nhận quyền sử dụng đất lần đầu đạt {pct}% diện tích cần cấp.",
        "Công tác bồi thường, hỗ trợ, tái định cư được thực hiện công khai, minh bạch.",
        "Cơ quan tài nguyên và môi trường cập nhật bản đồ địa chính và cơ sở dữ liệu đất đai.",
        "Các vụ việc tranh chấp đất đai được hòa giải ở cơ sở, hạn chế khiếu nại vượt cấp."}},
      {"phòng, chống thiên tai",
       {"về chủ động phòng, chống lụt bão và tìm kiếm cứu nạn", "về khắc phục hậu quả mưa lũ",
        "về bảo đảm an toàn hồ đập trong mùa mưa bão"},
       {"Các địa phương kiểm tra đê điều, hồ đập và chuẩn bị vật tư, phương tiện theo phương châm bốn tại chỗ.",
        "Đợt mưa lũ vừa qua làm ngập úng {count} héc-ta lúa và hoa màu của nhân dân.",
        "Lực lượng quân sự, công an phối hợp sơ tán người dân ra khỏi vùng nguy hiểm an toàn.",
        "Ban Chỉ huy phòng, chống thiên tai trực ban nghiêm túc, theo dõi sát diễn biến thời tiết.",
        "Kinh phí khắc phục hậu quả được phân bổ kịp thời cho các xã bị thiệt hại nặng."}},
      {"chuyển đổi số",
       {"về đẩy mạnh chuyển đổi số trong cơ quan nhà nước", "về phát triển chính quyền số",
        "về sử dụng chữ ký số và văn bản điện tử"},
       {"Tỷ lệ văn bản điện tử được ký số và gửi nhận trên hệ thống quản lý văn bản đạt {pct}%.",
        "Các cơ quan triển khai dịch vụ công trực tuyến toàn trình, giảm thời gian đi lại của người dân.",
        "Hạ tầng mạng được nâng cấp, bảo đảm an toàn, an ninh thông tin trong vận hành hệ thống.",
        "Tổ công nghệ số cộng đồng hướng dẫn người dân cài đặt và sử dụng ứng dụng định danh điện tử.",
        "Cơ sở dữ liệu chuyên ngành từng bước được kết nối, chia sẻ với cơ sở dữ liệu quốc gia."}},
      {"cải cách hành chính",
       {"về đẩy mạnh cải cách thủ tục hành chính", "về nâng cao chỉ số hài lòng của người dân",
        "về kiện toàn bộ phận một cửa các cấp"},
       {"Bộ phận một cửa tiếp nhận {count} hồ sơ, giải quyết đúng hạn và trước hạn đạt tỷ lệ cao.",
        "Thủ tục hành chính được rà soát, đơn giản hóa, bãi bỏ những thành phần hồ sơ không cần thiết.",
        "Kỷ luật, kỷ cương hành chính được tăng cường, xử lý nghiêm cán bộ gây phiền hà.",
        "Kết quả khảo sát cho thấy mức độ hài lòng của tổ chức, cá nhân đạt {pct}%.",
        "Việc công khai thủ tục hành chính tại trụ sở và trên cổng thông tin được thực hiện đầy đủ."}},
      {"xây dựng nông thôn mới",
       {"về xây dựng xã đạt chuẩn nông thôn mới nâng cao", "về phát triển sản phẩm mỗi xã một sản phẩm",
        "về huy động nguồn lực xây dựng nông thôn mới"},
       {"Nhân dân hiến đất, góp công làm đường giao thông nông thôn với tổng chiều dài {count} ki-lô-mét.",
        "Nhiều mô hình sản xuất hàng hóa tập trung mang lại thu nhập ổn định cho nông dân.",
        "Các thiết chế văn hóa thôn, xóm được đầu tư, đáp ứng nhu cầu sinh hoạt cộng đồng.",
        "Môi trường nông thôn được cải thiện, tỷ lệ rác thải được thu gom, xử lý đạt {pct}%.",
        "Sản phẩm đặc trưng của địa phương được chứng nhận, mở rộng thị trường tiêu thụ."}},
  };
  return topics;
}

const std::vector<std::string_view>& GenericSentences() {
  static const std::vector<std::string_view> s = {
      "Năm {year}, {issuer} đã lãnh đạo, chỉ đạo triển khai đồng bộ các nhiệm vụ về {topic}.",
      "Bên cạnh kết quả đạt được, còn một số hạn chế cần sớm khắc phục trong thời gian tới.",
      "Một số cơ quan, đơn vị chưa quan tâm đúng mức, việc tham mưu có lúc còn chậm.",
      "Nguyên nhân chủ yếu là nhận thức của một bộ phận cán bộ chưa đầy đủ, nguồn lực còn hạn chế.",
      "Đề nghị các cơ quan, đơn vị quán triệt nghiêm túc và cụ thể hóa bằng kế hoạch của cấp mình.",
      "Giao Văn phòng theo dõi, đôn đốc và định kỳ tổng hợp kết quả báo cáo theo quy định.",
      "Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị kịp thời phản ánh để xem xét, giải quyết.",
      "Người đứng đầu cơ quan, đơn vị chịu trách nhiệm trước cấp trên về kết quả thực hiện nhiệm vụ này.",
      "Các tổ chức chính trị - xã hội tăng cường tuyên truyền, vận động đoàn viên, hội viên cùng tham gia.",
      "Phấn đấu đến cuối năm {year} hoàn thành các chỉ tiêu chủ yếu về {topic} trên địa bàn {province}.",
  };
  return s;
}

const std::vector<std::string_view>& FamilyNames() {
  static const std::vector<std::string_view> v = {"Nguyễn", "Trần", "Lê",  "Phạm",  "Hoàng", "Vũ",   "Đặng",   "Bùi",
                                                  "Đỗ",     "Hồ",   "Ngô", "Dương", "Lý",    "Đinh", "Trương", "Đoàn"};
  return v;
}
const std::vector<std::string_view>& MiddleNames() {
  static const std::vector<std::string_view> v = {"Văn",  "Thị",  "Đức",  "Hữu", "Minh", "Quang", "Thanh", "Ngọc",
                                                  "Xuân", "Đình", "Công", "Thu", "Kim",  "Bá",    "Diệu",  "Tiến"};
  return v;
}
const std::vector<std::string_view>& GivenNames() {
  static const std::vector<std::string_view> v = {
      "Điệp",  "Đạt",   "Định",  "Đông", "Đào",    "Hùng",   "Hường", "Thắm",  "Lộc",   "Nghĩa",
      "Tuyết", "Quỳnh", "Khải",  "Dũng", "Phượng", "Sỹ",     "Luyến", "Chiến", "Thịnh", "Hạnh",
      "Kiên",  "Ngữ",   "Trọng", "Nhàn", "Vượng",  "Huệ",    "Thoa",  "Khoát", "Giáp",  "Lựu",
      "Sửu",   "Tuất",  "Mẫn",   "Cừ",   "Bổng",   "Nguyệt", "Xoan",  "Ước",   "Yến",   "Hiển"};
  return v;
}
const std::vector<std::string_view>& SignerNames() {
  static const std::vector<std::string_view> v = {"Nguyễn Tiến Thành", "Trần Quốc Bảo", "Lê Minh Khang",
                                                  "Phạm Thanh Tâm",    "Hoàng Anh Tú",  "Vũ Hải Long",
                                                  "Ngô Đức Mạnh",      "Bùi Thị Lan"};
  return v;
}
const std::vector<std::string_view>& Hamlets() {
  static const std::vector<std::string_view> v = {
      "Đồng Tâm",   "Tân Phú",         "Đông Hưng", "Bắc Sơn", "Phú Lộc",   "An Khê",      "Đồng Chiêm",
      "Thượng Đạt", "Hạ Liệt",         "Cổ Đam",    "Nội Lễ",  "Vạn Ninh",  "Trung Nghĩa", "Làng Mới",
      "Đầm Hồng",   "Ấp Bắc",          "Bến Đình",  "Gò Mít",  "Suối Đá",   "Khe Sanh Hạ", "Ngọc Lũ",
      "Đại Đồng",   "Lạc Thủy Thượng", "Phúc Điền", "Kỳ Đông", "Nam Cường", "Yên Bồ",      "Đa Phúc"};
  return v;
}
const std::vector<std::string_view>& Communes() {
  static const std::vector<std::string_view> v = {"Hòa Bình", "Thủy Xuân", "Khỏe Mạnh", "Hòa Tiến",  "Quế Thủy",
                                                  "Thúy Sơn", "Hòa Phong", "Nghĩa Hòa", "Tân Thủy",  "Xuân Hòa",
                                                  "Đức Thủy", "Hòa Lạc",   "Thủy An",   "Vĩnh Thúy", "Mỹ Hòa",
                                                  "Phú Thủy", "Hòa Khánh", "Thủy Đông", "Đông Hòa",  "Tuy Hòa Nam"};
  return v;
}
const std::vector<std::string_view>& Recipients() {
  static const std::vector<std::string_view> v = {"- Thường trực Tỉnh ủy,",
                                                  "- Các đồng chí Tỉnh ủy viên,",
                                                  "- Các sở, ban, ngành tỉnh,",
                                                  "- Các huyện ủy, thành ủy trực thuộc,",
                                                  "- Ủy ban nhân dân các huyện, thành phố,",
                                                  "- Mặt trận Tổ quốc và các đoàn thể tỉnh,",
                                                  "- Các phòng chuyên môn,"};
  return v;
}

}  // namespace luutru::corpus
