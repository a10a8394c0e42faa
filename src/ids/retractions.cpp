// A local copy of the Retraction Watch dataset (--retractions FILE): the CSV as Crossref
// publishes it, read into notices by the original paper's DOI and PubMed id, so a CI gate flags
// retracted works with no request at all. RFC 4180: fields in double quotes may hold commas,
// doubled quotes and line breaks.
#include <cctype>
#include <fstream>
#include <sstream>

#include "citelint/extract.hpp"
#include "citelint/ids.hpp"
#include "ids/records.hpp"
#include "model/utf8.hpp"

namespace citelint {

namespace {

struct Field {
  std::string text;
  int line = 0, column = 0;
};

// Reads one CSV file row by row, each field with where it starts; problems are diagnostics.
class CsvReader {
 public:
  CsvReader(std::string_view text, std::string path, std::vector<Diagnostic>& diagnostics)
      : s_(text), path_(std::move(path)), diagnostics_(diagnostics) {
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") s_.remove_prefix(3);  // a byte order mark
  }

  // The next row's fields; false at the end of the text.
  bool next(std::vector<Field>& row) {
    row.clear();
    if (i_ >= s_.size()) return false;
    while (true) {
      row.push_back(field());
      if (i_ >= s_.size()) return true;
      const char c = s_[i_];
      if (c == ',') {
        advance();
        continue;
      }
      // A line break ends the row (CR LF, LF or CR alone).
      advance();
      if (c == '\r' && i_ < s_.size() && s_[i_] == '\n') advance();
      return true;
    }
  }

  int line() const { return line_; }

 private:
  Field field() {
    Field f{{}, line_, column_};
    if (i_ < s_.size() && s_[i_] == '"') {
      advance();
      while (true) {
        if (i_ >= s_.size()) {
          problem(f.line, f.column,
                  "a quoted field that never closes: the rest of the file is "
                  "in it");
          return f;
        }
        const char c = s_[i_];
        advance();
        if (c != '"') {
          f.text += c;
        } else if (i_ < s_.size() && s_[i_] == '"') {
          f.text += '"';
          advance();
        } else {
          break;
        }
      }
      if (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '\n' && s_[i_] != '\r') {
        problem(line_, column_, "text after a quoted field's closing quote (kept)");
        while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '\n' && s_[i_] != '\r') {
          f.text += s_[i_];
          advance();
        }
      }
      return f;
    }
    while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '\n' && s_[i_] != '\r') {
      f.text += s_[i_];
      advance();
    }
    return f;
  }

  void advance() {
    const char c = s_[i_++];
    if (c == '\n' || (c == '\r' && (i_ >= s_.size() || s_[i_] != '\n'))) {
      ++line_;
      column_ = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column_;  // columns in code points: continuation bytes add none
    }
  }

  void problem(int line, int column, std::string message) {
    diagnostics_.push_back({path_, line, column, std::move(message)});
  }

  std::string_view s_;
  std::size_t i_ = 0;
  int line_ = 1, column_ = 1;
  std::string path_;
  std::vector<Diagnostic>& diagnostics_;
};

std::string trimmed(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

// A header's name as compared: lowercase letters and digits ("Original Paper DOI" and
// "OriginalPaperDOI" alike).
std::string column_key(std::string_view name) {
  std::string key;
  for (const char c : name)
    if (std::isalnum(static_cast<unsigned char>(c)))
      key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

// "7/26/2019 0:00" (the dataset's month/day/year) or "2019-07-26": YYYY-MM-DD; empty for
// anything else.
std::string csv_date(std::string_view s) {
  int a = 0, b = 0, c = 0;
  char buf[48];
  const std::string text(s);
  if (std::sscanf(text.c_str(), "%d/%d/%d", &a, &b, &c) == 3 && a >= 1 && a <= 12 && b >= 1 &&
      b <= 31 && c > 1000) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c, a, b);
    return buf;
  }
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d", &a, &b, &c) == 3 && a > 1000) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", a, b, c);
    return buf;
  }
  return {};
}

// A DOI as the dataset writes it ("10.1000/X", a resolver link, "unavailable"): lowercased, or
// empty when it is none.
std::string dataset_doi(std::string_view written) {
  std::string doi = trimmed(written);
  if (const std::string linked = doi_of_link(doi); !linked.empty()) doi = linked;
  if (doi.compare(0, 4, "doi:") == 0) doi = trimmed(std::string_view(doi).substr(4));
  doi = utf8::ascii_lower(doi);
  return is_valid_doi(doi) ? doi : std::string();
}

// Each PubMed id in the field (the dataset writes 0 for none).
std::vector<std::string> dataset_pmids(std::string_view field) {
  std::vector<std::string> out;
  std::string digits;
  for (std::size_t i = 0; i <= field.size(); ++i) {
    if (i < field.size() && std::isdigit(static_cast<unsigned char>(field[i]))) {
      digits += field[i];
      continue;
    }
    if (!digits.empty() && digits.find_first_not_of('0') != std::string::npos)
      out.push_back(digits.substr(digits.find_first_not_of('0')));
    digits.clear();
  }
  return out;
}

struct Columns {
  int doi = -1, pmid = -1, nature = -1, date = -1, notice = -1;
};

Columns find_columns(const std::vector<Field>& header) {
  Columns c;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string key = column_key(header[i].text);
    const int n = static_cast<int>(i);
    if (key == "originalpaperdoi") c.doi = n;
    if (key == "originalpaperpubmedid") c.pmid = n;
    if (key == "retractionnature") c.nature = n;
    if (key == "retractiondate") c.date = n;
    if (key == "retractiondoi") c.notice = n;
  }
  return c;
}

std::string_view at(const std::vector<Field>& row, int column) {
  return column >= 0 && static_cast<std::size_t>(column) < row.size()
             ? std::string_view(row[column].text)
             : std::string_view();
}

}  // namespace

std::optional<RetractionList> load_retractions(const std::string& path,
                                               std::vector<Diagnostic>& diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.push_back({path, 0, 0, "cannot read the retractions file"});
    return std::nullopt;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  CsvReader csv(text, path, diagnostics);
  std::vector<Field> row;
  if (!csv.next(row)) {
    diagnostics.push_back({path, 1, 1, "the retractions file is empty"});
    return std::nullopt;
  }
  const Columns columns = find_columns(row);
  if ((columns.doi < 0 && columns.pmid < 0) || columns.nature < 0) {
    diagnostics.push_back({path, 1, 1,
                           "not the Retraction Watch dataset: the header has no OriginalPaperDOI "
                           "(or OriginalPaperPubMedID) and RetractionNature columns"});
    return std::nullopt;
  }
  const std::size_t width = row.size();
  RetractionList list;
  list.path = path;
  const std::string source = "retraction-watch (" + path + ")";
  while (csv.next(row)) {
    if (row.size() == 1 && trimmed(row[0].text).empty()) continue;  // a blank line
    if (row.size() + 1 < width) {  // the dataset's header ends in a comma its rows may lack
      diagnostics.push_back({path, row[0].line, row[0].column,
                             "a row of " + std::to_string(row.size()) +
                                 " fields where the "
                                 "header has " +
                                 std::to_string(width) + ": skipped"});
      continue;
    }
    ++list.rows;
    Notice notice{ids::notice_type(at(row, columns.nature)), dataset_doi(at(row, columns.notice)),
                  csv_date(at(row, columns.date)), source};
    if (notice.type.empty()) notice.type = "retraction";
    if (const std::string doi = dataset_doi(at(row, columns.doi)); !doi.empty())
      list.by_doi[doi].push_back(notice);
    for (const std::string& pmid : dataset_pmids(at(row, columns.pmid)))
      list.by_pmid[pmid].push_back(notice);
  }
  return list;
}

}  // namespace citelint
