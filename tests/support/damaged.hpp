// Damaged and hostile files, made in memory for the readers' tests (and the fuzzers' seeds):
// a DOCX package around any document.xml, nesting as deep as asked, files cut short.
#pragma once

#include <zip.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace citelint::test {

// A ZIP holding these (name, bytes) entries, as bytes.
inline std::string zip_of(const std::vector<std::pair<std::string, std::string>>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* zip = buffer ? zip_open_from_source(buffer, ZIP_TRUNCATE, &error) : nullptr;
  if (!zip) throw std::runtime_error("zip_open_from_source");
  zip_source_keep(buffer);
  for (const auto& [name, bytes] : entries) {
    zip_source_t* s = zip_source_buffer(zip, bytes.data(), bytes.size(), 0);
    if (!s || zip_file_add(zip, name.c_str(), s, ZIP_FL_ENC_UTF_8) < 0)
      throw std::runtime_error("zip_file_add");
  }
  if (zip_close(zip) < 0) throw std::runtime_error("zip_close");
  std::string out;
  zip_stat_t st;
  if (zip_source_stat(buffer, &st) == 0 && zip_source_open(buffer) == 0) {
    out.resize(st.size);
    out.resize(static_cast<std::size_t>(zip_source_read(buffer, out.data(), out.size())));
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  return out;
}

// A DOCX package whose word/document.xml is `document`.
inline std::string docx_of(const std::string& document) {
  return zip_of({{"[Content_Types].xml",
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://"
                  "schemas.openxmlformats.org/package/2006/content-types\"><Override "
                  "PartName=\"/word/document.xml\" ContentType=\"application/"
                  "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                  "</Types>"},
                 {"word/document.xml", document}});
}

// word/document.xml with these paragraphs' texts (no markup in them), `before` and `after`
// around each paragraph's run.
inline std::string document_xml(const std::vector<std::string>& paragraphs,
                                const std::string& before = "", const std::string& after = "") {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"http://"
      "schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>";
  for (const std::string& p : paragraphs)
    xml += before + "<w:p><w:r><w:t xml:space=\"preserve\">" + p + "</w:t></w:r></w:p>" + after;
  return xml + "</w:body></w:document>";
}

// `open` n times, `middle`, `close` n times.
inline std::string nested(const std::string& open, const std::string& middle,
                          const std::string& close, int n) {
  std::string out;
  out.reserve((open.size() + close.size()) * static_cast<std::size_t>(n) + middle.size());
  for (int i = 0; i < n; ++i) out += open;
  out += middle;
  for (int i = 0; i < n; ++i) out += close;
  return out;
}

// UTF-8 text as UTF-16LE with a byte-order mark.
inline std::string utf16le(const std::string& ascii) {
  std::string out = "\xFF\xFE";
  for (char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

}  // namespace citelint::test
