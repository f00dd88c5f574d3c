#include "search/serve/pull_list.h"

#include <gtest/gtest.h>

#include "search/serve/users.h"

namespace luutru::serve {
namespace {

catalog::StorageUnit At(const std::string& fonds, const std::string& inventory, const std::string& box,
                        const std::string& number) {
  catalog::StorageUnit u;
  u.fonds = fonds;
  u.inventory = inventory;
  u.box = box;
  u.code = fonds + " / " + inventory + " / ĐVBQ " + number;
  return u;
}

TEST(StoreOrderTest, NumbersCompareAsNumbers) {
  EXPECT_LT(CompareNumbersAsNumbers("Hộp 9", "Hộp 10"), 0);
  EXPECT_LT(CompareNumbersAsNumbers("ĐVBQ 0099", "ĐVBQ 100"), 0);
  EXPECT_GT(CompareNumbersAsNumbers("Phông 12", "Phông 3"), 0);
  EXPECT_EQ(CompareNumbersAsNumbers("12a", "12a"), 0);
  EXPECT_LT(CompareNumbersAsNumbers("12", "12a"), 0);
}

TEST(StoreOrderTest, FondsThenInventoryThenBoxThenUnit) {
  EXPECT_TRUE(StoreOrderLess(At("Phông 3", "Mục lục 10", "1", "5"), At("Phông 12", "Mục lục 1", "1", "1")));
  EXPECT_TRUE(StoreOrderLess(At("Phông 3", "Mục lục 2", "40", "1"), At("Phông 3", "Mục lục 10", "1", "1")));
  EXPECT_TRUE(StoreOrderLess(At("Phông 3", "Mục lục 2", "Hộp 9", "99"), At("Phông 3", "Mục lục 2", "Hộp 10", "1")));
  EXPECT_TRUE(StoreOrderLess(At("Phông 3", "Mục lục 2", "9", "0099"), At("Phông 3", "Mục lục 2", "9", "100")));
  // A unit without a box after the boxed ones; a document without a unit last of all.
  EXPECT_TRUE(StoreOrderLess(At("Phông 3", "Mục lục 2", "99", "1"), At("Phông 3", "Mục lục 2", "", "1")));
  EXPECT_TRUE(StoreOrderLess(At("Phông 99", "Mục lục 99", "", "9"), catalog::StorageUnit{}));
  EXPECT_FALSE(StoreOrderLess(catalog::StorageUnit{}, At("Phông 99", "Mục lục 99", "", "9")));
}

TEST(UsersRightsTest, KhaiThacLetsAReaderKeepRequests) {
  Users users = Users::Parse("a mat token:" + Sha256Hex("a") + " khai-thac\nb mat token:" + Sha256Hex("b") + "\n");
  EXPECT_TRUE(users.Authenticate("Bearer a")->keeps_requests);
  EXPECT_FALSE(users.Authenticate("Bearer b")->keeps_requests);
  EXPECT_FALSE(users.Authenticate("")->keeps_requests);
  EXPECT_THROW(Users::Parse("c mat token:" + Sha256Hex("c") + " admin\n"), UsersFileError);
}

}  // namespace
}  // namespace luutru::serve
