// The PDF module runs in a child process: poppler reads files crafted against it, and a crash,
// a hang or a runaway allocation there must cost that PDF alone, never the run. The child
// (forked, so the module is loaded once) sends the words and links back through a pipe; it
// gets a wall-clock limit, a CPU limit and (outside sanitizer builds) an address-space limit.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "read/pdf_layout.hpp"
#include "read/poppler/words_abi.h"

namespace citelint::pdf {

struct ModuleRead {
  int pages = -1;  // -1: the module could not read it (error says why), or the child failed
  int bad_pages = 0;
  std::string error;    // the module's words, when pages is -1
  std::string failure;  // the child crashed, ran out of time or memory: what happened
  std::vector<Word> words;
  std::vector<Link> links;
};

struct ChildLimits {
  // CITELINT_PDF_TIMEOUT (seconds) sets it; CPU time is held to it too.
  std::chrono::seconds wall{120};
  std::size_t address_space = std::size_t{8} << 30;  // bytes; 0: none
};

ChildLimits default_limits();
ModuleRead read_in_child(citelint_pdf_read_fn read, const std::string& bytes,
                         const ChildLimits& limits = default_limits());

}  // namespace citelint::pdf
