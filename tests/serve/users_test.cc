#include "search/serve/users.h"

#include <crypt.h>

#include <string>

#include <gtest/gtest.h>
#include <httplib.h>

namespace luutru::serve {
namespace {

using catalog::Secrecy;

std::string Hash(const std::string& password, const char* method) {
  char salt[CRYPT_GENSALT_OUTPUT_SIZE];
  EXPECT_NE(crypt_gensalt_rn(method, 0, nullptr, 0, salt, sizeof salt), nullptr);
  crypt_data data{};
  return crypt_r(password.c_str(), salt, &data);
}

// The Authorization header a browser sends, encoded by cpp-httplib, the reading room's HTTP library.
std::string Basic(const std::string& user, const std::string& password) {
  return httplib::make_basic_authentication_header(user, password).second;
}

class UsersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string file =
        "# name clearance credential\n"
        "thuthu\tmat\t" +
        Hash("mật-khẩu 1", "$y$") +
        "\n"
        "\n"
        "lanhdao  tuyet-mat  " +
        Hash("x", "$6$") +
        "   # the director\n"
        "robot thuong token:" +
        Sha256Hex("s3cret-token") + "\n";
    users_ = Users::Parse(file);
  }
  Users users_;
};

TEST_F(UsersTest, ReadsEveryLine) { EXPECT_EQ(users_.size(), 3u); }

TEST_F(UsersTest, NoCredentialsReadAtNormalClearance) {
  auto reader = users_.Authenticate("");
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->name, "");
  EXPECT_EQ(reader->clearance, Secrecy::kNormal);
}

TEST_F(UsersTest, YescryptAndSha512PasswordsVerify) {
  auto reader = users_.Authenticate(Basic("thuthu", "mật-khẩu 1"));
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->name, "thuthu");
  EXPECT_EQ(reader->clearance, Secrecy::kConfidential);
  auto director = users_.Authenticate(Basic("lanhdao", "x"));
  ASSERT_TRUE(director);
  EXPECT_EQ(director->clearance, Secrecy::kTopSecret);
}

TEST_F(UsersTest, WrongPasswordOrUnknownUserIsRefusedNotDowngraded) {
  EXPECT_FALSE(users_.Authenticate(Basic("thuthu", "mật-khẩu 2")));
  EXPECT_FALSE(users_.Authenticate(Basic("thuthu", "")));
  EXPECT_FALSE(users_.Authenticate(Basic("nobody", "mật-khẩu 1")));
  EXPECT_FALSE(users_.Authenticate("Basic !!!not-base64"));
  EXPECT_FALSE(users_.Authenticate("Digest username=thuthu"));
  // A token user has no password.
  EXPECT_FALSE(users_.Authenticate(Basic("robot", "s3cret-token")));
}

TEST_F(UsersTest, RememberedCredentialsStillNeedTheExactPassword) {
  ASSERT_TRUE(users_.Authenticate(Basic("thuthu", "mật-khẩu 1")));
  ASSERT_TRUE(users_.Authenticate(Basic("thuthu", "mật-khẩu 1")));  // from the remembered set
  EXPECT_FALSE(users_.Authenticate(Basic("thuthu", "mật-khẩu 1 ")));
  EXPECT_FALSE(users_.Authenticate(Basic("thuthu", "mật-khẩu")));
}

TEST_F(UsersTest, BearerTokensAreComparedByTheirHash) {
  auto robot = users_.Authenticate("Bearer s3cret-token");
  ASSERT_TRUE(robot);
  EXPECT_EQ(robot->name, "robot");
  EXPECT_EQ(robot->clearance, Secrecy::kNormal);
  EXPECT_FALSE(users_.Authenticate("Bearer s3cret-tokeN"));
  EXPECT_FALSE(users_.Authenticate("Bearer " + Sha256Hex("s3cret-token")));  // the hash is not the token
}

TEST(UsersFileTest, BadLinesAreNamed) {
  try {
    Users::Parse("a thuong token:" + Sha256Hex("t") + "\nb secret-ish $6$abc$def\n");
    FAIL() << "expected an error";
  } catch (const UsersFileError& e) {
    EXPECT_NE(std::string(e.what()).find("2:"), std::string::npos) << e.what();
  }
  EXPECT_THROW(Users::Parse("a thuong plaintext-password\n"), UsersFileError);
  EXPECT_THROW(Users::Parse("a thuong token:abc\n"), UsersFileError);
  EXPECT_THROW(Users::Parse("a thuong\n"), UsersFileError);
  EXPECT_THROW(Users::Parse("a thuong $6$x$y\na mat $6$x$z\n"), UsersFileError);
}

TEST_F(UsersTest, TheSignedOutCredentialsAreAnAnonymousReader) {
  // What the page's logout leaves in the browser: any password, never a failure, never a user.
  for (const std::string password : {"dang-xuat", "", "x"}) {
    const std::string header = Basic(std::string(kSignedOutUser), password);
    EXPECT_TRUE(Users::IsSignedOut(header));
    auto reader = users_.Authenticate(header);
    ASSERT_TRUE(reader) << password;
    EXPECT_EQ(reader->name, "");
    EXPECT_EQ(reader->clearance, catalog::Secrecy::kNormal);
  }
  EXPECT_FALSE(Users::IsSignedOut(Basic("thuthu", "mật-khẩu 1")));
  EXPECT_FALSE(Users::IsSignedOut("Bearer -"));
  EXPECT_FALSE(Users::IsSignedOut(""));
  // No users file may hold the name.
  EXPECT_THROW(Users::Parse(std::string(kSignedOutUser) + " mat $6$x$y\n"), UsersFileError);
}

TEST(Sha256Test, KnownVector) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace luutru::serve
