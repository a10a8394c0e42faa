// The formats whose body text citelint reads citations in: one table, by the input format's
// name. A new one is a row here and a scanner of its own (src/cite/<format>.cpp).
#include "cite/scan.hpp"

namespace citelint {

namespace cite {
std::vector<Citation> scan_latex(const Document&, std::span<const Reference>,
                                 std::vector<Diagnostic>&);
std::vector<Companion> latex_companions(const Document&, const std::string&);
std::vector<Citation> scan_markdown(const Document&, std::span<const Reference>,
                                    std::vector<Diagnostic>&);
std::vector<Companion> markdown_companions(const Document&, const std::string&);
std::vector<Citation> scan_jats(const Document&, std::span<const Reference>,
                                std::vector<Diagnostic>&);
std::vector<Citation> scan_docx(const Document&, std::span<const Reference>,
                                std::vector<Diagnostic>&);

namespace {

// A PDF's body, a text file's prose: numbers when the list is numbered, else author-year.
std::vector<Citation> scan_text(const Document& doc, std::span<const Reference> refs,
                                std::vector<Diagnostic>&) {
  std::vector<Citation> out;
  std::uint32_t group = 0;
  scan_plain(doc, body_ranges(doc, refs), numbered(refs), group, out);
  return out;
}

}  // namespace
}  // namespace cite

namespace {

const CiteFormat kCiteFormats[] = {
    {"latex", cite::scan_latex, cite::latex_companions},
    {"markdown", cite::scan_markdown, cite::markdown_companions},
    {"jats", cite::scan_jats, nullptr},
    {"docx", cite::scan_docx, nullptr},
    {"pdf", cite::scan_text, nullptr},
    {"text", cite::scan_text, nullptr},
};

}  // namespace

std::span<const CiteFormat> cite_formats() { return kCiteFormats; }

const CiteFormat* find_cite_format(std::string_view name) {
  for (const CiteFormat& f : kCiteFormats)
    if (f.name == name) return &f;
  return nullptr;
}

}  // namespace citelint
