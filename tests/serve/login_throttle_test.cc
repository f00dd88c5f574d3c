#include "search/serve/login_throttle.h"

#include <gtest/gtest.h>

namespace luutru::serve {
namespace {

using std::chrono::seconds;

TEST(LoginThrottleTest, AnAddressThatFailsTooOftenWaitsUntilItsOldestFailureExpires) {
  LoginThrottle throttle(3, seconds(60));
  const auto t0 = LoginThrottle::Clock::time_point() + seconds(1000);
  EXPECT_EQ(throttle.Wait("192.0.2.1", t0), seconds(0));
  throttle.Failed("192.0.2.1", t0);
  throttle.Failed("192.0.2.1", t0 + seconds(10));
  EXPECT_EQ(throttle.Wait("192.0.2.1", t0 + seconds(10)), seconds(0));
  throttle.Failed("192.0.2.1", t0 + seconds(20));
  EXPECT_EQ(throttle.Wait("192.0.2.1", t0 + seconds(20)), seconds(40));
  EXPECT_EQ(throttle.Wait("192.0.2.2", t0 + seconds(20)), seconds(0));  // per address
  EXPECT_EQ(throttle.Wait("192.0.2.1", t0 + seconds(59)), seconds(1));
  EXPECT_EQ(throttle.Wait("192.0.2.1", t0 + seconds(60)), seconds(0));  // the first failure expired
  throttle.Failed("192.0.2.1", t0 + seconds(61));
  EXPECT_EQ(throttle.Wait("192.0.2.1", t0 + seconds(61)), seconds(9));  // the 10 s one is now oldest
}

TEST(LoginThrottleTest, MemoryIsBoundedByAddresses) {
  LoginThrottle throttle(1, seconds(60), 100);
  const auto t0 = LoginThrottle::Clock::time_point() + seconds(1000);
  for (int i = 0; i < 1000; ++i) throttle.Failed("10.0.0." + std::to_string(i), t0 + seconds(i % 50));
  // The most recent addresses are still locked out; the bound forgot older ones.
  EXPECT_GT(throttle.Wait("10.0.0.999", t0 + seconds(50)), seconds(0));
  int remembered = 0;
  for (int i = 0; i < 1000; ++i)
    remembered += throttle.Wait("10.0.0." + std::to_string(i), t0 + seconds(50)) > seconds(0);
  EXPECT_LE(remembered, 100);
}

}  // namespace
}  // namespace luutru::serve
