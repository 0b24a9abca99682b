#pragma once

#include <stdexcept>
#include <string>

namespace tl {

/// Base of every error the core reports; the message is meant for the user as it is.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A malformed network description (a bug in a builder or a bad experiment file).
class SpecError : public Error {
public:
    using Error::Error;
};

/// An option a user gave that cannot work: unknown name, impossible size, bad count.
class InvalidArgument : public Error {
public:
    using Error::Error;
};

/// A shape that cannot flow through the network, e.g. an input too small for its pooling.
class ShapeError : public Error {
public:
    using Error::Error;
};

/// A dataset that cannot be used: a missing folder, no usable image, a single class, a bad split file.
class DataError : public Error {
public:
    using Error::Error;
};

/// A weight file that cannot be read, written or applied; the message names the file.
class WeightsError : public Error {
public:
    using Error::Error;
};

/// An experiment file that cannot be used; the message names the file and the entry.
class ExperimentError : public Error {
public:
    using Error::Error;
};

}  // namespace tl
