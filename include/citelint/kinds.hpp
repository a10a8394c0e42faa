// The finding kinds built into citelint (the link checker's, the repairs', the archive
// lookup's) and the categories every finding has: one table each, in src/model/kinds.cpp.
// Producers, SARIF's descriptors, `citelint rules list|explain`, the rule docs and the config's
// validation all read these tables; a new kind is one row there and one enumerator here.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "citelint/model.hpp"

namespace citelint {

enum class Kind : std::uint8_t {
  link_broken,
  link_soft_404,
  link_blocked,
  link_server_error,
  link_timeout,
  link_dns,
  link_connection,
  link_tls,
  link_redirect,
  link_skipped,
  link_parked,
  link_drift,
  link_failing,
  link_repair,
  archive_copy,
  archive_none,
  archive_after_access,
  id_checksum,
  id_form,
  doi_unregistered,
  doi_mismatch,
  doi_near_miss,
  doi_unchecked,
  doi_missing,
  id_unregistered,
  id_mismatch,
  id_unchecked,
  id_newer_version,
  integrity_retracted,
  integrity_concern,
  integrity_corrected,
  citation_missing,
  citation_uncited,
  citation_order,
  citation_range,
  citation_mismatch,
  citation_suffix,
  citation_et_al,
};

struct FindingKind {
  Kind kind;
  std::string_view id;        // "<stage>/<name>": what findings, configs and baselines name
  std::string_view category;  // one of finding_categories()
  Severity level;             // the default; a config may change it
  std::string_view summary;   // one line
  std::string_view help;      // what it means and what to do
  std::string_view docs;      // the page under docs/ that explains it
};

// Every built-in kind, in Kind's order.
std::span<const FindingKind> finding_kinds();
const FindingKind& finding_kind(Kind kind);
// The built-in kind with this id; null for a rule's id or an unknown one.
const FindingKind* find_finding_kind(std::string_view id);

// The categories of the design's contract; every finding has one.
struct FindingCategory {
  std::string_view name, meaning;
};
std::span<const FindingCategory> finding_category_table();
// Their names, in the table's order.
const std::vector<std::string_view>& finding_categories();

// A finding of a built-in kind at a span of a reference (a URL as it cites it, an identifier):
// id, category and level from the table.
Finding kind_finding(const Reference& ref, const Span& span, Kind kind, std::string message);
Finding url_finding(const Reference& ref, const Url& url, Kind kind, std::string message);

}  // namespace citelint
