// How deep the readers that walk a tree recursively (HTML, JATS, DOCX) go: a file nested deeper
// than any reference list is (10,000 <sec>s, 50,000 <w:sdt>s) would overflow the stack.
// Elements deeper than the limit are not read, and the first of them is reported.
#pragma once

#include <cstddef>
#include <string>

namespace citelint {

class Nesting {
 public:
  static constexpr int kMaxDepth = 256;

  // One level down for as long as it lives; false past the limit (read nothing there).
  // `offset`: where the element starts in the text (npos when that is not the document's).
  class Level {
   public:
    Level(Nesting& n, std::size_t offset) : n_(n), ok_(++n.depth_ <= kMaxDepth) {
      if (!ok_ && !n.exceeded_) {
        n.exceeded_ = true;
        n.first_ = offset;
      }
    }
    ~Level() { --n_.depth_; }
    Level(const Level&) = delete;
    Level& operator=(const Level&) = delete;
    explicit operator bool() const { return ok_; }

   private:
    Nesting& n_;
    bool ok_;
  };

  // Whether an element was too deep, and where the first one starts.
  bool exceeded() const { return exceeded_; }
  std::size_t first() const { return first_; }
  static std::string message() {
    return "nested more than " + std::to_string(kMaxDepth) +
           " elements deep: what is deeper was not read";
  }

 private:
  int depth_ = 0;
  bool exceeded_ = false;
  std::size_t first_ = std::string::npos;
};

}  // namespace citelint
