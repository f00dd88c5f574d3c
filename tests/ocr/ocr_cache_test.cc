#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "indexer/ocr/ocr.h"

namespace luutru::indexer {
namespace {

class OcrCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("luutru-ocr-cache-test-" + std::to_string(getpid()) + "-" +
                                                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  static OcrPage SamplePage() {
    OcrPage page;
    page.text = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI";
    page.mean_confidence = 87;
    page.from_embedded_image = true;
    page.image_dpi = 240;
    page.words.push_back({"ỦY", 70.5, 60.25, 92, 72, 91.5f});
    page.words.push_back({"NGÃI", 130, 76, 171.75, 88, 64});
    return page;
  }

  std::filesystem::path dir_;
};

TEST_F(OcrCacheTest, StoredPageIsFoundIntact) {
  OcrCache cache(dir_ / "ocr-cache");
  const std::string key = OcrCache::PageKey("9f2c0e11aa", 0, "vie");
  EXPECT_FALSE(cache.Find(key).has_value());
  cache.Store(key, SamplePage());

  // A new cache object on the same folder (another worker, a later run) finds it.
  const std::optional<OcrPage> found = OcrCache(dir_ / "ocr-cache").Find(key);
  ASSERT_TRUE(found.has_value());
  const OcrPage expected = SamplePage();
  EXPECT_EQ(found->text, expected.text);
  EXPECT_DOUBLE_EQ(found->mean_confidence, expected.mean_confidence);
  EXPECT_EQ(found->from_embedded_image, expected.from_embedded_image);
  EXPECT_DOUBLE_EQ(found->image_dpi, expected.image_dpi);
  ASSERT_EQ(found->words.size(), expected.words.size());
  for (size_t i = 0; i < expected.words.size(); ++i) {
    EXPECT_EQ(found->words[i].text, expected.words[i].text);
    EXPECT_DOUBLE_EQ(found->words[i].x0, expected.words[i].x0);
    EXPECT_DOUBLE_EQ(found->words[i].y0, expected.words[i].y0);
    EXPECT_DOUBLE_EQ(found->words[i].x1, expected.words[i].x1);
    EXPECT_DOUBLE_EQ(found->words[i].y1, expected.words[i].y1);
    EXPECT_FLOAT_EQ(found->words[i].confidence, expected.words[i].confidence);
  }
}

TEST_F(OcrCacheTest, StoreReplacesAndLeavesNoTemporaryFiles) {
  OcrCache cache(dir_);
  const std::string key = OcrCache::PageKey("abc", 3, "vie");
  cache.Store(key, SamplePage());
  OcrPage second = SamplePage();
  second.text = "Chỉ thị";
  second.words.clear();
  cache.Store(key, second);
  EXPECT_EQ(cache.Find(key)->text, "Chỉ thị");
  EXPECT_TRUE(cache.Find(key)->words.empty());

  size_t files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir_)) {
    if (!e.is_regular_file()) continue;
    ++files;
    EXPECT_EQ(e.path().extension(), ".json") << e.path();
    EXPECT_NE(e.path().filename().string().front(), '.') << e.path();
    // Sharded by the key's first two characters: never one huge folder.
    EXPECT_EQ(e.path().parent_path().filename().string(), key.substr(0, 2));
  }
  EXPECT_EQ(files, 1u);
}

TEST_F(OcrCacheTest, DamagedEntryIsAMiss) {
  OcrCache cache(dir_);
  const std::string key = OcrCache::PageKey("abc", 0, "vie");
  cache.Store(key, SamplePage());
  std::filesystem::path entry;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir_)) {
    if (e.is_regular_file()) entry = e.path();
  }
  ASSERT_FALSE(entry.empty());
  std::ofstream(entry, std::ios::trunc) << "{\"text\": \"cut off";
  EXPECT_FALSE(cache.Find(key).has_value());
  std::ofstream(entry, std::ios::trunc) << "{\"text\": \"x\", \"words\": [{\"text\": 5}]}";
  EXPECT_FALSE(cache.Find(key).has_value());
}

TEST(OcrCacheKey, DependsOnFilePageLanguagesAndDigitModel) {
  const std::string base = OcrCache::PageKey("9f2c0e11", 0, "vie");
  EXPECT_EQ(base, OcrCache::PageKey("9f2c0e11", 0, "vie"));
  std::set<std::string> keys{base,
                             OcrCache::PageKey("9f2c0e12", 0, "vie"),
                             OcrCache::PageKey("9f2c0e11", 1, "vie"),
                             OcrCache::PageKey("9f2c0e11", 0, "vie+eng"),
                             OcrCache::PageKey("9f2c0e1", 10, "vie"),
                             OcrCache::PageKey("9f2c0e11", 0, "Vietnamese"),
                             OcrCache::PageKey("9f2c0e11", 0, "vie", /*digit_model=*/true)};
  EXPECT_EQ(keys.size(), 7u);
  for (const std::string& k : keys) {
    EXPECT_EQ(k.size(), 32u);
    EXPECT_EQ(k.find_first_not_of("0123456789abcdef"), std::string::npos) << k;
  }
}

}  // namespace
}  // namespace luutru::indexer
