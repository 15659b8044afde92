#pragma once
// Internal: the values of date: and mentioned: as periods of whole days.
//   2025  2025-03  2025-03-05  2025/3/5  20250305  2025年3月  2025Q1  2025H2
//   2024..2025  2025-03..  ..2024-06  >=2025-03  >2025  <2026  <=2025-06
//   today  yesterday  this-week  last-week  this-month  last-month  this-year  last-year
//   last-7d  last-2w  last-3m  last-1y  (and 今天 昨天 本周 上周 本月 上月 今年 去年)
// Anything else is tried with index::parse_date ("March 2025" in quotes).

#include <chrono>
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace zhisou::query::detail {

/// Inclusive bounds on a document's period: its first day must be >= `from` and its last
/// day <= `until`; a missing bound is open.
struct DateBounds {
    std::optional<std::chrono::sys_days> from;
    std::optional<std::chrono::sys_days> until;
};

/// A date value the user must fix; `offset` counts code points into the value.
struct DateValueError : std::runtime_error {
    DateValueError(std::string message, std::size_t offset_, std::string expected_)
        : std::runtime_error(std::move(message)), offset(offset_), expected(std::move(expected_)) {}
    std::size_t offset;
    std::string expected;
};

/// Parses a date value against `today`. Throws DateValueError.
[[nodiscard]] DateBounds parse_date_value(std::string_view value, std::chrono::sys_days today);

/// YYYYMMDD as a number (20250305), the form the index stores in its value slots.
[[nodiscard]] int yyyymmdd(std::chrono::sys_days day);
/// "2025-03-05".
[[nodiscard]] std::string iso_date(std::chrono::sys_days day);

} // namespace zhisou::query::detail
