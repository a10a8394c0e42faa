// DOCX (Word): libzip opens the package, pugixml reads word/document.xml and the relationships
// that hold the hyperlinks' addresses. Each paragraph of the reference section is a line of the
// document's text (what Word shows: text, tabs, no deleted text, no field codes), so the text
// reader and its rules read it as they read a plain list; a hyperlink whose words are not its
// address adds the address as a URL at those words. Spans say paragraph and column.
#include <zip.h>

#include <algorithm>
#include <deque>
#include <map>
#include <memory>
#include <pugixml.hpp>
#include <string>

#include "citelint/read.hpp"
#include "model/utf8.hpp"
#include "read/headings.hpp"
#include "read/nesting.hpp"

namespace citelint {

namespace {

constexpr std::size_t kMaxPart = 512u << 20;  // an XML part larger than this is not read

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};

// A part of the package, or why it cannot be read.
bool read_part(zip_t* zip, const char* name, std::string& out, std::string& why) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(zip, name, 0, &st) != 0) {
    why = std::string("it has no ") + name;
    return false;
  }
  if ((st.valid & ZIP_STAT_SIZE) && st.size > kMaxPart) {
    why = std::string(name) + " is larger than 512 MiB";
    return false;
  }
  zip_file_t* f = zip_fopen(zip, name, 0);
  if (!f) {
    why = std::string(name) + ": " + zip_strerror(zip);
    return false;
  }
  char chunk[1 << 16];
  zip_int64_t n;
  while ((n = zip_fread(f, chunk, sizeof chunk)) > 0 && out.size() < kMaxPart)
    out.append(chunk, static_cast<std::size_t>(n));
  const bool ok = n == 0;
  if (!ok) why = std::string(name) + " is damaged: " + zip_file_strerror(f);
  zip_fclose(f);
  return ok;
}

// What a paragraph shows, and its hyperlinks: [begin, end) of its text and the address.
struct Paragraph {
  std::string text;
  std::vector<std::tuple<std::size_t, std::size_t, std::string>> links;
  // Fields (a reference manager's citations: [begin, end) of their result, the instruction)
  // and superscript text (an empty instruction).
  std::vector<std::tuple<std::size_t, std::size_t, std::string>> fields;
};

// Whether a run is set as a superscript.
bool superscript_run(const pugi::xml_node& run) {
  return std::string_view(run.child("w:rPr").child("w:vertAlign").attribute("w:val").value()) ==
         "superscript";
}

class Collector {
 public:
  explicit Collector(const std::map<std::string, std::string>& targets) : targets_(targets) {}

  void body(const pugi::xml_node& node) {
    const Nesting::Level level(nesting, std::string::npos);
    if (!level) return;
    for (const pugi::xml_node& child : node.children()) {
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = child.name();
      if (name == "w:p") {
        paragraphs.emplace_back();
        runs(child, paragraphs.back());
      } else {
        body(child);  // tables, content controls, sections
      }
    }
  }

  // A deque: a text box's paragraphs are added while its paragraph's runs are still read.
  std::deque<Paragraph> paragraphs;
  Nesting nesting;  // whether the XML was too deep to read whole

 private:
  // The text of a paragraph's runs, in order; text boxes' own paragraphs come after it.
  void runs(const pugi::xml_node& node, Paragraph& p) {
    const Nesting::Level level(nesting, std::string::npos);
    if (!level) return;
    for (const pugi::xml_node& child : node.children()) {
      if (child.type() != pugi::node_element) continue;
      const std::string_view name = child.name();
      if (name == "w:t") {
        p.text += child.text().get();
      } else if (name == "w:instrText") {
        if (!open_.empty() && !open_.back().separated) open_.back().code += child.text().get();
      } else if (name == "w:fldChar") {
        field_char(child.attribute("w:fldCharType").value(), p);
      } else if (name == "w:tab" || name == "w:br" || name == "w:cr") {
        p.text += ' ';
      } else if (name == "w:noBreakHyphen") {
        p.text += '-';
      } else if (name == "w:del" || name == "w:delText" || name == "w:pPr" || name == "w:rPr") {
        continue;  // deleted text, field codes, properties: not what Word shows
      } else if (name == "w:txbxContent") {
        body(child);
      } else if (name == "w:hyperlink") {
        const std::size_t begin = p.text.size();
        runs(child, p);
        const auto it = targets_.find(child.attribute("r:id").value());
        if (it != targets_.end() && p.text.size() > begin)
          p.links.emplace_back(begin, p.text.size(), it->second);
      } else if (name == "w:fldSimple") {
        const std::size_t begin = p.text.size();
        runs(child, p);
        p.fields.emplace_back(begin, p.text.size(), child.attribute("w:instr").value());
      } else if (name == "w:r" && superscript_run(child)) {
        const std::size_t begin = p.text.size();
        runs(child, p);
        if (p.text.size() > begin) p.fields.emplace_back(begin, p.text.size(), std::string());
      } else {
        runs(child, p);  // w:r, w:ins, w:smartTag, w:sdt ...
      }
    }
  }

  // A complex field: begin, its instruction, separate, its result, end. A field whose result
  // stays in one paragraph is kept (a citation); one over several (a bibliography) is not.
  struct OpenField {
    std::string code;
    bool separated = false;
    std::size_t paragraph = 0, begin = 0;
  };
  void field_char(std::string_view type, Paragraph& p) {
    if (type == "begin") {
      open_.push_back({});
    } else if (type == "separate" && !open_.empty()) {
      open_.back().separated = true;
      open_.back().paragraph = paragraphs.size();
      open_.back().begin = p.text.size();
    } else if (type == "end" && !open_.empty()) {
      OpenField f = std::move(open_.back());
      open_.pop_back();
      if (f.separated && f.paragraph == paragraphs.size() && p.text.size() > f.begin)
        p.fields.emplace_back(f.begin, p.text.size(), std::move(f.code));
    }
  }
  std::vector<OpenField> open_;

  const std::map<std::string, std::string>& targets_;
};

// Bytes that are not UTF-8 inside a run: each read as U+FFFD, in its paragraph, so that the
// paragraphs after it keep their places; said once, with the first paragraph.
void repair_utf8(std::deque<Paragraph>& paragraphs, const std::string& path,
                 std::vector<Diagnostic>& diagnostics) {
  std::size_t bad_paragraphs = 0, first_bad = 0;
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    std::string& t = paragraphs[i].text;
    if (utf8::first_invalid(t) == std::string::npos) continue;
    if (bad_paragraphs++ == 0) first_bad = i + 1;
    t = utf8::repair(t);
  }
  if (bad_paragraphs > 0)
    diagnostics.push_back({path, 0, 0,
                           "word/document.xml has bytes that are not UTF-8 in " +
                               std::to_string(bad_paragraphs) +
                               " paragraphs (the first is paragraph " + std::to_string(first_bad) +
                               "): read as U+FFFD"});
}

// The paragraphs of word/document.xml (in whatever encoding its declaration names): where it
// breaks, the paragraphs before; nesting too deep and bytes that are not UTF-8 are said.
std::vector<Paragraph> paragraphs_of(const std::string& xml,
                                     const std::map<std::string, std::string>& targets,
                                     const std::string& path,
                                     std::vector<Diagnostic>& diagnostics) {
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_auto);
  Collector collect(targets);
  collect.body(doc.child("w:document").child("w:body"));
  if (collect.nesting.exceeded())
    diagnostics.push_back({path, 0, 0, "word/document.xml is " + Nesting::message()});
  repair_utf8(collect.paragraphs, path, diagnostics);
  if (!parsed) {
    // pugixml keeps what it read before the fault: those paragraphs are still read.
    const std::size_t at =
        std::min(xml.size(), static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0)));
    Document part(0, "", xml.substr(0, at));
    const Span where = part.span(at, at);
    diagnostics.push_back(
        {path, 0, 0,
         "word/document.xml breaks at its line " + std::to_string(where.line) + ", column " +
             std::to_string(where.column) + ": " + parsed.description() + "; read the " +
             std::to_string(collect.paragraphs.size()) + " paragraphs before it"});
  }

  return {std::make_move_iterator(collect.paragraphs.begin()),
          std::make_move_iterator(collect.paragraphs.end())};
}

}  // namespace

// A ZIP (PK\3\4) whose first entries are Word's.
bool looks_like_docx(std::string_view bytes) {
  return bytes.rfind("PK\x03\x04", 0) == 0 &&
         bytes.substr(0, 4096).find("word/") != std::string_view::npos;
}

std::unique_ptr<Document> read_docx_document(std::size_t id, std::string path,
                                             const std::string& bytes,
                                             std::vector<Diagnostic>& diagnostics) {
  auto fail = [&](std::string message) {
    diagnostics.push_back({path, 0, 0, std::move(message)});
    return std::unique_ptr<Document>();
  };
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  std::unique_ptr<zip_t, ZipCloser> zip(source ? zip_open_from_source(source, ZIP_RDONLY, &error)
                                               : nullptr);
  if (!zip) {
    if (source) zip_source_free(source);
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    const bool zip_magic = bytes.rfind("PK\x03\x04", 0) == 0;
    return fail(zip_magic ? "truncated or damaged: its ZIP directory cannot be read (" + why +
                                "; the file has " + std::to_string(bytes.size()) + " bytes)"
                          : "not a DOCX: not a ZIP package (" + why + ")");
  }
  zip_error_fini(&error);

  std::string xml, why;
  if (!read_part(zip.get(), "word/document.xml", xml, why))
    return fail("not a readable DOCX: " + why);
  // The hyperlinks' addresses: relationships of TargetMode External.
  std::map<std::string, std::string> targets;
  std::string rels;
  if (read_part(zip.get(), "word/_rels/document.xml.rels", rels, why)) {
    pugi::xml_document r;
    r.load_buffer(rels.data(), rels.size());
    for (const pugi::xml_node& rel : r.child("Relationships").children("Relationship"))
      if (std::string_view(rel.attribute("TargetMode").value()) == "External")
        targets[rel.attribute("Id").value()] = rel.attribute("Target").value();
  }

  const std::vector<Paragraph> ps = paragraphs_of(xml, targets, path, diagnostics);
  const auto [begin, end, found] = headings::reference_section(
      ps, [](const Paragraph& p) -> std::string_view { return p.text; });

  // The body before the section (its citations), then the section the reader reads.
  std::string text;
  std::vector<std::uint32_t> starts;
  std::vector<Document::Place> places;
  std::vector<std::tuple<std::size_t, std::size_t, std::string>> links, fields;
  for (std::size_t i = 0; i < end; ++i) {
    if (i > 0) text += '\n';
    starts.push_back(static_cast<std::uint32_t>(text.size()));
    places.push_back({0, static_cast<int>(i + 1)});
    if (i >= begin)
      for (const auto& [b, e, target] : ps[i].links)
        links.emplace_back(text.size() + b, text.size() + e, target);
    for (const auto& [b, e, code] : ps[i].fields)
      fields.emplace_back(text.size() + b, text.size() + e, code);
    std::string shown = ps[i].text;  // one line: a line break inside a w:t is a space
    std::replace(shown.begin(), shown.end(), '\n', ' ');
    std::replace(shown.begin(), shown.end(), '\r', ' ');
    text += shown;
  }
  auto document = std::make_unique<Document>(id, std::move(path), std::move(text), "docx");
  document->set_layout(std::move(starts), std::move(places), "paragraph");
  document->set_list_lines(static_cast<int>(begin) + 1, static_cast<int>(end));
  for (const auto& [b, e, target] : links) document->add_link(b, e, target);
  for (const auto& [b, e, code] : fields) document->add_field(b, e, code, code.empty());
  return document;
}

}  // namespace citelint
