// Helpers shared by the unit tests: temporary directories and running NumPy.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace lina_test {

// A fresh directory under the system's temp dir, removed at destruction.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("lina-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Runs a Python script with NumPy (NPY_PROMOTION_STATE=weak /usr/bin/python3) in `dir`
// and returns its stdout; the test fails if Python fails.
inline std::string run_numpy(const std::string& script, const TempDir& dir) {
  const std::string py = dir.file("script.py"), out = dir.file("script.out");
  std::ofstream(py) << "import numpy as np\n" << script;
  const std::string cmd = "cd '" + dir.path().string() + "' && NPY_PROMOTION_STATE=weak /usr/bin/python3 '" + py +
                          "' > '" + out + "'";
  const int rc = std::system(cmd.c_str());
  EXPECT_EQ(rc, 0) << "python failed: " << cmd;
  std::ifstream in(out);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Asserts that `stmt` throws exception type E whose message contains every `parts`.
#define EXPECT_THROW_MSG(stmt, E, ...)                                                  \
  do {                                                                                  \
    try {                                                                               \
      stmt;                                                                             \
      ADD_FAILURE() << "expected " #E " from " #stmt;                                   \
    } catch (const E& e) {                                                              \
      for (const char* part : {__VA_ARGS__})                                            \
        EXPECT_NE(std::string(e.what()).find(part), std::string::npos)                  \
            << "message of " #stmt " lacks '" << part << "': " << e.what();            \
    }                                                                                   \
  } while (0)

}  // namespace lina_test
