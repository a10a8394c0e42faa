// Generates a large plain-text reference list for the offline benchmark: numbered GB/T 7714
// entries (Chinese, English, bilingual), journal articles with DOIs and web pages with
// (published)[accessed] dates, about one in ten with a defect the core rules report.
//
//   citelint-bench-gen N [SEED] > refs.txt
//   citelint-bench-gen N SEED bibtex > refs.bib    the same works as BibLaTeX entries
//   citelint-bench-gen N SEED extracted > refs.txt  a journal's list as PDF extraction leaves
//                                                  it: long entries, each with two or three
//                                                  defects (about 4,500 findings a MB)
//   citelint-bench-gen N SEED damaged > refs.txt   harsher: short entries, each with two or
//                                                  three defects (about 12,000 findings a MB)
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace {

const std::vector<std::string> kSurnames = {"Smith",  "Wang",   "Li",  "Zhang", "Brown", "Chen",
                                            "Müller", "Garcia", "Liu", "Kim",   "Silva", "Yang"};
const std::vector<std::string> kCnNames = {"王明", "李华", "张伟", "刘洋", "陈静", "杨帆"};
const std::vector<std::string> kWords = {
    "urbanization", "growth",  "research",   "integrity", "policy",     "energy",
    "water",        "climate", "innovation", "science",   "education",  "health",
    "rural",        "markets", "evidence",   "networks",  "statistics", "development"};
const std::vector<std::string> kCnTitles = {"城市化与经济增长",       "关于加强科研诚信建设的意见",
                                            "国家重点研发计划的通知", "中国统计年鉴",
                                            "农村发展报告",           "能源政策研究"};
const std::vector<std::string> kHosts = {"www.moe.gov.cn", "www.worldbank.org", "www.oecd.org",
                                         "www.nsf.gov",    "ec.europa.eu",      "www.most.gov.cn",
                                         "data.un.org",    "www.who.int"};

std::mt19937 rng;

// s with a space put in at pos (written out, since GCC 12 warns falsely on string::insert).
std::string space_at(const std::string& s, std::size_t pos) {
  std::string out;
  out.reserve(s.size() + 1);
  out.append(s, 0, pos).append(1, ' ').append(s, pos, std::string::npos);
  return out;
}
int pick(int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); }
template <class T>
const T& pick(const std::vector<T>& v) {
  return v[static_cast<std::size_t>(pick(static_cast<int>(v.size())))];
}

std::string date(int year) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, 1 + pick(12), 1 + pick(28));
  return buf;
}

std::string title() {
  std::string t = pick(kWords);
  t[0] = static_cast<char>(t[0] - 'a' + 'A');
  for (int i = 0, n = 4 + pick(8); i < n; ++i) t += " " + pick(kWords);
  return t;
}

// Filed, as the ministries' sites do, under the day the page was published (t20180530_...):
// the id keeps each URL apart.
std::string url(int id, const std::string& published) {
  std::string day = published.substr(0, 4) + published.substr(5, 2) + published.substr(8, 2);
  return "https://" + pick(kHosts) + "/" + pick(kWords) + "/" + std::to_string(2015 + pick(8)) +
         "/t" + day + "_" + std::to_string(id) + std::to_string(100000 + pick(900000)) + ".html";
}

std::string web_entry(int id, int defects) {
  const int year = 2012 + pick(8);
  std::string published = date(year), accessed = date(year + 1), link = url(id, published);
  for (int d = 0, first = defects > 0 ? pick(4) : 0; d < defects; ++d) {
    switch ((first + d) % 4) {
      case 0:
        link = space_at(link, link.find('/', 8) + 1);
        break;  // whitespace in the URL
      case 1:
        published = space_at(published, 5);
        break;  // "2018- 10-31"
      case 2:
        accessed = std::to_string(year + 1) + "-3-8";
        break;  // no zero padding
      default:
        accessed = date(year - 1);
        break;  // accessed before published
    }
  }
  return pick(kSurnames) + " " + static_cast<char>('A' + pick(26)) + ". " + title() + "[EB/OL]. (" +
         published + ")[" + accessed + "]. " + link + ".";
}

std::string article_entry(int defects) {
  const int year = 2000 + pick(20);
  std::string doi = "10." + std::to_string(1000 + pick(8999)) + "/j." + pick(kWords) + "." +
                    std::to_string(year) + "." + std::to_string(pick(10000));
  std::string authors;
  for (int a = 0, n = 2 + pick(3); a < n; ++a) {
    if (a) authors += ", ";
    authors += pick(kSurnames) + " " + static_cast<char>('A' + pick(26));
  }
  if (defects > 0) authors += ",,";
  if (defects > 1) doi = space_at(doi, 8);  // a DOI broken at a line end: "10.1234/ j.x"
  if (defects > 2) authors += " ;";
  return authors + ". " + title() + "[J]. Journal of " + pick(kWords) + ", " +
         std::to_string(year) + ", " + std::to_string(1 + pick(60)) + "(" +
         std::to_string(1 + pick(12)) + "): " + std::to_string(1 + pick(200)) + "-" +
         std::to_string(201 + pick(200)) + ". DOI: " + doi + ".";
}

std::string chinese_entry(int id, int defects) {
  const int year = 2012 + pick(8);
  std::string name = pick(kCnNames);
  std::string title = pick(kCnTitles);
  std::string link;
  if (defects > 0) {
    // Justified layout spreads a title out: "城市 化与 经济 增长" (a space every two characters;
    // each character is three bytes of UTF-8).
    std::string spread;
    for (std::size_t at = 0; at < title.size(); at += 3) {
      if (at > 0 && at % 6 == 0) spread += ' ';
      spread.append(title, at, 3);
    }
    title = spread;
  }
  const std::string published = date(year);
  link = url(id, published);
  if (defects > 1) link = space_at(link, link.find('/', 8) + 1);
  const std::string accessed = defects > 2 ? std::to_string(year + 1) + "-3-8" : date(year + 1);
  return name + ", " + pick(kCnNames) + ". " + title + ": " + pick(kCnTitles) + "[EB/OL]. (" +
         published + ")[" + accessed + "]. " + link + ".";
}

std::string bilingual_entry(int id, int defects) {
  const bool defect = defects > 0;
  const int year = 2012 + pick(8);
  const std::string published = date(year), accessed = date(year + 1), link = url(id, published);
  const std::string en_year = defect ? std::to_string(year + 1) : std::to_string(year);
  return pick(kCnNames) + ". " + pick(kCnTitles) + "[M]. 北京: 科学出版社, " +
         std::to_string(year) + ".\n\n" + pick(kSurnames) + " " +
         static_cast<char>('A' + pick(26)) + ". " + title() + "[M]. Beijing: Science Press, " +
         en_year + ". (in Chinese)";
}

// A reference as text extracted from a journal's PDF comes (Vancouver style, long author lists,
// about 650 bytes), with two or three of the defects extraction leaves, each one finding: a space
// where a line broke inside the URL or the DOI, doubled punctuation, a space before a comma, a
// year with a letter for a digit, a Unicode hyphen in the URL, a space inside the access date, a
// lost closing parenthesis.
std::string extracted_entry(int id) {
  const int year = 2000 + pick(20);
  std::string authors;
  for (int a = 0, n = 8 + pick(25); a < n; ++a) {
    if (a) authors += ", ";
    authors += pick(kSurnames) + " " + static_cast<char>('A' + pick(26)) +
               static_cast<char>('A' + pick(26));
  }
  std::string words = title();
  for (int i = 0, n = 6 + pick(8); i < n; ++i) words += " " + pick(kWords);
  std::string year_text = std::to_string(year),
              journal = "Journal of " + pick(kWords) + " and " + pick(kWords);
  std::string doi = "10." + std::to_string(1000 + pick(8999)) + "/j." + pick(kWords) + "." +
                    year_text + "." + std::to_string(id);
  std::string link = "https://" + pick(kHosts) + "/" + pick(kWords) + "/" + year_text +
                     "/article_" + std::to_string(id) + ".html";
  std::string accessed = date(2021 + pick(3)), after_authors = ".", after_journal = ".",
              access_open = " (accessed ";
  int kinds[8] = {0, 1, 2, 3, 4, 5, 6, 7};
  for (int i = 7; i > 0; --i) std::swap(kinds[i], kinds[pick(i + 1)]);
  for (int d = 0, n = 2 + pick(2); d < n; ++d) {
    switch (kinds[d]) {
      case 0:  // the line broke after a slash of the URL
        link = space_at(link, link.find('/', 8) + 1);
        break;
      case 1:  // ... or after the DOI's slash
        doi = space_at(doi, doi.find('/') + 1);
        break;
      case 2:
        after_authors = ",.";
        break;
      case 3:
        after_journal = " .";
        break;
      case 4:  // 2019 read as 2O19
        year_text[1] = 'O';
        break;
      case 5:  // a hyphenated line end kept as U+2010
        link.insert(link.rfind('_'), "\xe2\x80\x90");
        break;
      case 6:
        accessed = space_at(accessed, 5);
        break;
      default:
        access_open = " accessed ";
        break;
    }
  }
  return authors + after_authors + " " + words + ". " + journal + after_journal + " " + year_text +
         ";" + std::to_string(1 + pick(60)) + "(" + std::to_string(1 + pick(12)) +
         "):" + std::to_string(1 + pick(200)) + "-" + std::to_string(201 + pick(200)) +
         ". doi: " + doi + ". PMID: " + std::to_string(20000000 + id) +
         ". Available from: " + link + access_open + accessed + ").";
}

// The same kinds of work as BibLaTeX entries, with the defects a .bib has: a space in a URL,
// an access date without zero padding, one before the publication date, one that is no date.
std::string bibtex_entry(int id, bool defect) {
  const int year = 2012 + pick(8);
  std::string published = date(year), accessed = date(year + 1);
  std::string author = pick(kSurnames) + ", " + static_cast<char>('A' + pick(26)) + ".";
  switch (pick(3)) {
    case 0: {  // an article with a DOI
      std::string doi = "10." + std::to_string(1000 + pick(8999)) + "/j." + pick(kWords) + "." +
                        std::to_string(year) + "." + std::to_string(pick(10000));
      return "@article{ref" + std::to_string(id) + ",\n  author  = {" + author + " and " +
             pick(kSurnames) + ", " + static_cast<char>('A' + pick(26)) + ".},\n  title   = {" +
             title() + "},\n  journal = {Journal of " + pick(kWords) + "},\n  year    = {" +
             std::to_string(year) + "},\n  volume  = {" + std::to_string(1 + pick(60)) +
             "},\n  number  = {" + std::to_string(1 + pick(12)) + "},\n  pages   = {" +
             std::to_string(1 + pick(200)) + "--" + std::to_string(201 + pick(200)) +
             "},\n  doi     = {" + doi + "},\n}\n";
    }
    case 1:  // a Chinese web page
      author = "{" + pick(kCnNames) + "}";
      break;
    default:
      break;
  }
  std::string link = url(id, published);
  if (defect) {
    switch (pick(4)) {
      case 0:
        link = space_at(link, link.find('/', 8) + 1);
        break;
      case 1:
        accessed = std::to_string(year + 1) + "-3-8";
        break;
      case 2:
        accessed = date(year - 1);
        break;
      default:
        accessed = "n.d.";
        break;
    }
  }
  return "@online{ref" + std::to_string(id) + ",\n  author  = {" + author + "},\n  title   = {" +
         title() + "},\n  date    = {" + published + "},\n  url     = {" + link +
         "},\n  urldate = {" + accessed + "},\n}\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: citelint-bench-gen N [SEED] > refs.txt\n");
    return 2;
  }
  const int n = std::atoi(argv[1]);
  rng.seed(argc > 2 ? static_cast<unsigned>(std::atoi(argv[2])) : 7714u);
  std::string out;
  if (argc > 3 && std::string(argv[3]) == "bibtex") {
    out = "% citelint-bench-gen: " + std::to_string(n) + " entries\n\n";
    for (int i = 1; i <= n; ++i) {
      const bool defect = pick(10) == 0;
      out += bibtex_entry(i, defect) + "\n";
      if (out.size() > (1 << 20)) {
        std::fwrite(out.data(), 1, out.size(), stdout);
        out.clear();
      }
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return 0;
  }
  const std::string kind = argc > 3 ? argv[3] : "";
  for (int i = 1; i <= n; ++i) {
    if (kind == "extracted") {
      out += "[" + std::to_string(i) + "] " + extracted_entry(i) + "\n";
      if (out.size() > (1 << 20)) {
        std::fwrite(out.data(), 1, out.size(), stdout);
        out.clear();
      }
      continue;
    }
    const int defect = kind == "damaged" ? 2 + pick(2) : pick(10) == 0;
    std::string entry;
    switch (pick(10)) {
      case 0:
      case 1:
      case 2:
      case 3:
        entry = web_entry(i, defect);
        break;
      case 4:
      case 5:
      case 6:
        entry = article_entry(defect);
        break;
      case 7:
      case 8:
        entry = chinese_entry(i, defect);
        break;
      default:
        entry = bilingual_entry(i, defect);
        break;
    }
    out += std::to_string(i) + " " + entry + "\n\n";
    if (out.size() > (1 << 20)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}
