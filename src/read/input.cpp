// Bytes to a UTF-8 Document, keeping every readable character.
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>

#include "citelint/read.hpp"
#include "model/utf8.hpp"
#include "read/headings.hpp"

namespace citelint {

namespace {

std::string utf16_to_utf8(std::string_view bytes, bool big_endian) {
  std::string out;
  out.reserve(bytes.size());
  auto unit = [&](std::size_t i) -> char32_t {
    const auto a = static_cast<unsigned char>(bytes[i]);
    const auto b = static_cast<unsigned char>(bytes[i + 1]);
    return big_endian ? (a << 8 | b) : (b << 8 | a);
  };
  for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
    char32_t c = unit(i);
    if (c >= 0xD800 && c <= 0xDBFF && i + 3 < bytes.size()) {
      const char32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
        i += 2;
      } else {
        c = 0xFFFD;
      }
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      c = 0xFFFD;
    }
    utf8::append(out, c);
  }
  return out;
}

// A plain text that is a paper (its body, then a References heading, then the list): the
// list is read from after the heading, and the body's citations are read (src/cite/). The last
// such heading with half a kilobyte of text before it; none: the whole text is the list.
void mark_list_after_body(Document& doc) {
  constexpr std::size_t kBody = 512;
  int heading = 0;
  for (int l = 1; l <= static_cast<int>(doc.line_count()); ++l) {
    const std::string_view t = doc.line_text(l);
    if (t.size() < 40 && doc.line_begin(l) >= kBody && headings::is_references_heading(t))
      heading = l;
  }
  if (heading > 0 && heading < static_cast<int>(doc.line_count()))
    doc.set_list_lines(heading + 1, 0);
}

}  // namespace

std::unique_ptr<Document> make_document(std::size_t id, std::string path, std::string bytes,
                                        std::vector<Diagnostic>& diagnostics,
                                        const std::string& format, std::size_t max_bytes) {
  const InputFormat* binary =
      format.empty() ? detect_binary_format(path, bytes) : find_input_format(format);
  if (binary && binary->decode) {
    if (bytes.size() > max_bytes) {
      diagnostics.push_back(
          {path, 0, 0, "larger than " + std::to_string(max_bytes) + " bytes: not read"});
      return nullptr;
    }
    return binary->decode(id, std::move(path), bytes, diagnostics);
  }
  std::string text;
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    text = bytes.substr(3);
  } else if (bytes.size() >= 2 && bytes.compare(0, 2, "\xFF\xFE") == 0) {
    text = utf16_to_utf8(std::string_view(bytes).substr(2), false);
  } else if (bytes.size() >= 2 && bytes.compare(0, 2, "\xFE\xFF") == 0) {
    text = utf16_to_utf8(std::string_view(bytes).substr(2), true);
  } else {
    text = std::move(bytes);
  }
  // Beyond the limit, up to the last line break before it.
  bool cut = false;
  auto limit = [&] {
    if (text.size() <= max_bytes) return;
    const std::size_t at = text.rfind('\n', max_bytes - 1);
    text.resize(at == std::string::npos ? 0 : at + 1);
    cut = true;
  };
  limit();

  if (std::size_t bad = utf8::first_invalid(text); bad != std::string::npos) {
    // Report the first bad byte with its position, count the rest, and read on.
    Document probe(id, path, text.substr(0, bad + 1));
    const Span at = probe.span(bad, bad + 1);
    std::size_t count = 0;
    for (std::size_t i = bad; i != std::string::npos && i < text.size();) {
      ++count;
      std::size_t next = utf8::first_invalid(std::string_view(text).substr(i + 1));
      i = next == std::string::npos ? next : i + 1 + next;
    }
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[bad]));
    diagnostics.push_back(
        {path, at.line, at.column,
         "not valid UTF-8: byte " + std::string(hex) +
             (count > 1 ? " (and " + std::to_string(count - 1) + " more)" : std::string()) +
             " read as U+FFFD; save the file as UTF-8"});
    text = utf8::repair(text);
  }
  limit();  // again: U+FFFD takes three bytes where the bad byte took one
  // Lines end in LF, CRLF or a lone CR (old Mac OS, some exports) alike: a lone CR becomes LF,
  // byte for byte, so every reader sees its lines and positions stay where they were.
  for (std::size_t cr = text.find('\r'); cr != std::string::npos; cr = text.find('\r', cr + 1))
    if (cr + 1 == text.size() || text[cr + 1] != '\n') text[cr] = '\n';
  if (cut) {
    const auto line = 1 + std::count(text.begin(), text.end(), '\n');
    diagnostics.push_back(
        {path, static_cast<int>(line), 1,
         "larger than " + std::to_string(max_bytes) + " bytes: read up to this line, not beyond"});
  }
  auto document = std::make_unique<Document>(id, std::move(path), std::move(text));
  const InputFormat* as = find_input_format(format.empty() ? detect_format(*document) : format);
  document->set_format(std::string(as->name), as->structured);
  if (as->name == "text") mark_list_after_body(*document);
  return document;
}

namespace {

// Reads f to its end, or to one byte past `limit` (make_document cuts there and says so): an
// endless stream (a device, a pipe that never closes) costs at most the limit.
bool read_bounded(std::FILE* f, std::size_t limit, std::string& bytes) {
  const std::size_t most = limit == std::numeric_limits<std::size_t>::max() ? limit : limit + 1;
  // One read of the whole file where its size is known.
  if (std::fseek(f, 0, SEEK_END) == 0) {
    const long size = std::ftell(f);
    std::rewind(f);
    if (size > 0) {
      bytes.resize(std::min(static_cast<std::size_t>(size), most));
      bytes.resize(std::fread(bytes.data(), 1, bytes.size(), f));
    }
  }
  char chunk[1 << 16];
  while (bytes.size() < most) {
    const std::size_t n = std::fread(chunk, 1, std::min(sizeof chunk, most - bytes.size()), f);
    if (n == 0) break;
    bytes.append(chunk, n);
  }
  return !std::ferror(f);
}

// Why a path is no file to read (a folder, a device, a socket), or nothing when it is a regular
// file or a pipe.
std::string not_a_file(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {};  // fopen says why
  if (S_ISDIR(st.st_mode))
    return "is a folder, not a file: name the files in it (for example " + path + "/*.bib)";
  if (S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode)) return {};
  return S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) ? "is a device, not a file: not read"
                                                    : "is not a regular file: not read";
}

}  // namespace

std::unique_ptr<Document> load_document(std::size_t id, const std::string& path,
                                        const std::string& format,
                                        std::vector<Diagnostic>& diagnostics,
                                        std::size_t max_bytes) {
  std::string bytes;
  // The name as reports show it: valid UTF-8 (a byte that is not is shown as U+FFFD).
  std::string shown = utf8::first_invalid(path) == std::string::npos ? path : utf8::repair(path);
  if (path == "-") {
    shown = "<stdin>";
    if (!read_bounded(stdin, max_bytes, bytes)) {
      diagnostics.push_back({shown, 0, 0, std::string("cannot read: ") + std::strerror(errno)});
      return nullptr;
    }
  } else {
    if (std::string why = not_a_file(path); !why.empty()) {
      diagnostics.push_back({shown, 0, 0, std::move(why)});
      return nullptr;
    }
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f || !read_bounded(f, max_bytes, bytes)) {
      diagnostics.push_back({shown, 0, 0, std::string("cannot read: ") + std::strerror(errno)});
      if (f) std::fclose(f);
      return nullptr;
    }
    std::fclose(f);
  }
  return make_document(id, shown, std::move(bytes), diagnostics, format, max_bytes);
}

}  // namespace citelint
