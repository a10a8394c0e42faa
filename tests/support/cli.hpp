// Running the citelint binary as a user would, for end-to-end tests.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace citelint_test {

namespace fs = std::filesystem;

struct Run {
  int exit = -1;
  std::string out, err;
};

inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs `citelint ARGS` in a scratch folder, with `input` on standard input.
inline Run run_citelint(const std::string& args, const std::string& input = "") {
  static int counter = 0;
  const fs::path dir = fs::temp_directory_path() / ("citelint-e2e-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const fs::path in = dir / ("in" + std::to_string(counter));
  const fs::path out = dir / ("out" + std::to_string(counter));
  const fs::path err = dir / ("err" + std::to_string(counter++));
  std::ofstream(in, std::ios::binary) << input;
  const std::string command = std::string("cd ") + CITELINT_SOURCE_DIR + " && NO_COLOR=1 " +
                              CITELINT_BINARY + " " + args + " <" + in.string() + " >" +
                              out.string() + " 2>" + err.string();
  const int status = std::system(command.c_str());
  Run r;
  r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

// Runs `citelint ARGS` in `dir` (a config is looked for from there; the source tree is
// elsewhere).
inline Run run_citelint_in(const fs::path& dir, const std::string& args) {
  const fs::path out = dir / "out.txt", err = dir / "err.txt";
  const std::string command = "cd " + dir.string() + " && NO_COLOR=1 " + CITELINT_BINARY + " " +
                              args + " >" + out.string() + " 2>" + err.string();
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
}

inline fs::path scratch_file(const std::string& name, const std::string& bytes) {
  const fs::path dir =
      fs::temp_directory_path() / ("citelint-e2e-files-" + std::to_string(getpid()));
  fs::create_directories(dir / fs::path(name).parent_path());
  std::ofstream(dir / name, std::ios::binary) << bytes;
  return dir / name;
}

}  // namespace citelint_test
