#pragma once
// The error types every Zhisou library throws. Messages are written for the person at the
// keyboard: what went wrong, where, and what to do about it.

#include <cstddef>
#include <stdexcept>
#include <string>

namespace zhisou {

/// Base of all Zhisou errors; what() is the message to show a user.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The input or the request is wrong and the user can fix it (bad option value, bad file).
/// The CLI maps it to exit code 2.
class InputError : public Error {
public:
    using Error::Error;
};

/// Something in the environment failed (I/O, the index, ICU); exit code 1.
class RuntimeError : public Error {
public:
    using Error::Error;
};

/// A feature that a later release fills in; exit code 2 so scripts do not mistake it for data.
class NotImplementedError : public Error {
public:
    explicit NotImplementedError(const std::string& what)
        : Error(what + " is not yet implemented in this version of zhisou") {}
};

} // namespace zhisou
