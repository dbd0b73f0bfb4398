// Domain error codes and Result<T>: how every expected failure in readouts is reported.
//
// Expected failures (bad input, missing article, unreadable database) are values, never
// exceptions. Code names the domain meaning; the server maps codes to HTTP statuses in one table
// (server/http_errors.cpp) and the indexer maps them to exit statuses. Thread-safe: plain values.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace readouts {

enum class Code {
  kOk = 0,
  kInvalidArgument,  // the caller's input is malformed (query, parameter, flag)
  kNotFound,         // an id or path that does not exist
  kParseError,       // an article's bytes cannot be read as its format
  kTooLarge,         // over a documented size limit
  kIoError,          // the file system refused (unreadable, vanished)
  kUnavailable,      // the database cannot be opened or is locked
  kSchemaMismatch,   // the database was written by an incompatible schema version
  kInternal,         // a bug or an unexpected library failure
};

std::string_view code_name(Code code);

struct Error {
  Code code = Code::kInternal;
  std::string message;
};

// Either a T or an Error. Use ok() before value(); value() on an error is a programming error.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return std::holds_alternative<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const Error& error() const { return std::get<Error>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Result without a value.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT
  static Status Ok() { return Status(); }
  bool ok() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_{Code::kOk, {}};
  bool ok_ = true;
};

inline Error make_error(Code code, std::string message) { return Error{code, std::move(message)}; }

}  // namespace readouts
