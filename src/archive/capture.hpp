// What the archive readers share: timestamps as days, the statuses a usable capture has, and
// what one answer from an archive said.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "citelint/archive.hpp"
#include "net/fetch.hpp"

namespace citelint::archive {

// The day of a timestamp's first eight digits (YYYYMMDD...); nothing when it is not a date.
std::optional<long> timestamp_day(std::string_view timestamp);
// The day of a YYYY-MM-DD date.
std::optional<long> date_day(std::string_view date);
// YYYY-MM-DD as a timestamp's date part, YYYYMMDD.
std::string date_timestamp(std::string_view date);
// A capture worth pointing to: 200, 203 (from a cache) or 206 (part of the page).
bool usable_status(std::string_view status);

// What one request to an archive said: a capture, none (the archive has nothing), or an error
// (it could not say: down, slow, an answer that is not what its API returns).
struct Answer {
  std::optional<Capture> capture;
  std::string error;
};
// Why a request failed, in words, or empty when an answer came with this status.
std::string transport_error(const net::Response& response, int wanted_status = 200);

// Wayback Machine: the availability API's URL for a page near a date, and its answer.
std::string availability_url(const ArchiveOptions& options, std::string_view url,
                             std::string_view date);
Answer read_availability(const net::Response& response);
// The CDX API's URL for the capture nearest the date on one side of it: before (up to the end
// of the day), or after it. Only captures with a usable status.
std::string cdx_url(const ArchiveOptions& options, std::string_view url, std::string_view date,
                    bool before);
Answer read_cdx(const ArchiveOptions& options, const net::Response& response);

// Memento (RFC 7089): the TimeGate's URL for a page, the Accept-Datetime header for a date,
// and what the TimeGate said: none, an error, or a memento. A memento it redirects to is asked
// for itself (`memento`), to see that it is a capture of the page (200, 203 or 206) and to read
// its Memento-Datetime; the datetime the TimeGate gave (a Link header, a Wayback timestamp in
// the URL) stands in when the memento does not say it.
std::string timegate_url(const ArchiveOptions& options, std::string_view url);
std::string accept_datetime(std::string_view date);
struct TimeGateAnswer {
  Answer answer;
  std::string memento;  // to ask; answer.capture then holds the TimeGate's datetime, if any
};
TimeGateAnswer read_timegate(const net::Response& response, std::string_view asked);
Answer read_memento(const net::Response& response, std::string_view memento,
                    std::string_view timegate_timestamp = {});

}  // namespace citelint::archive
