// lina's exception hierarchy. Every user error throws one of these; the message
// names the operation, the shapes or values involved and what would be valid.
#pragma once

#include <stdexcept>
#include <string>

namespace lina {

// Base of every exception lina throws for a user error.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Shapes that cannot be broadcast, aligned or reshaped.
class ShapeError : public Error {
 public:
  using Error::Error;
};

// An index, axis or slice out of range.
class IndexError : public Error {
 public:
  using Error::Error;
};

// A dtype that an operation does not accept, or a typed access with the wrong type.
class TypeError : public Error {
 public:
  using Error::Error;
};

// An argument with a valid type but an invalid value.
class ValueError : public Error {
 public:
  using Error::Error;
};

// A file that cannot be read or written, or whose contents are invalid.
class IOError : public Error {
 public:
  using Error::Error;
};

}  // namespace lina
