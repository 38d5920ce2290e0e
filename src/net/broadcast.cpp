// Server::Impl's state publishing: frames (a published state split for the
// fellows' wire), read-your-writes access for HTTP and new clients, and the
// broadcasts: leading edge, coalesced under load, `live` counter messages,
// content once per client and key. docs/protocol.md, "Wire economy".
#include <boost/asio/post.hpp>

#include "core/text_util.hpp"
#include "net/detail.hpp"

namespace facilita::net {

using nlohmann::json;

namespace {

// Equal for the clients' purposes. The clock fields move every second but the
// page derives them from `ends_at`, which is constant while running; with
// `counters` false, `version`, `answered` and `participants` are ignored too
// (a change of those alone goes out as a `live` message).
bool same_section(const json& a, const json& b) {
  if (!a.is_object() || !b.is_object()) return a == b;
  auto ia = a.begin(), ib = b.begin();
  auto skip = [](json::const_iterator& it, const json& j) {
    while (it != j.end() && it.key() == "remaining_s") ++it;
  };
  for (;;) {
    skip(ia, a);
    skip(ib, b);
    if (ia == a.end() || ib == b.end()) return ia == a.end() && ib == b.end();
    if (ia.key() != ib.key()) return false;
    if (ia.key() == "ends_at" && ia->is_number() && ib->is_number()) {
      if ((ia->get<Millis>() + 500) / 1000 != (ib->get<Millis>() + 500) / 1000) return false;
    } else if (ia.key() == "step") {  // the current step's clock fields, like the section's
      if (!same_section(*ia, *ib)) return false;
    } else if (*ia != *ib) {
      return false;
    }
    ++ia, ++ib;
  }
}

bool same_for_clients(const json& a, const json& b, bool counters = true) {
  if (!a.is_object() || !b.is_object()) return a == b;
  auto ignored = [counters](const std::string& key) {
    return key == "server_time" || (!counters && (key == "version" || key == "answered" || key == "participants"));
  };
  auto ia = a.begin(), ib = b.begin();
  for (;;) {
    while (ia != a.end() && ignored(ia.key())) ++ia;
    while (ib != b.end() && ignored(ib.key())) ++ib;
    if (ia == a.end() || ib == b.end()) return ia == a.end() && ib == b.end();
    if (ia.key() != ib.key()) return false;
    if (ia.key() == "section" ? !same_section(*ia, *ib) : *ia != *ib) return false;
    ++ia, ++ib;
  }
}

std::int64_t int_field(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

Text stamped(const json& state) {
  json copy = state;
  copy["server_time"] = wall_clock_ms();
  return std::make_shared<const std::string>(copy.dump());
}

// Splits the section's content off the public state (see Frame). The key
// hashes the section id and the content, so a reloaded content gets a new key;
// an unchanged content reuses the previous frame's key and message.
void split_content(Frame& f, const Frame* previous) {
  auto section = f.wire.find("section");
  if (section == f.wire.end() || !section->is_object()) return;
  std::string content;
  if (auto c = section->find("content"); c != section->end()) {
    if (c->is_string()) content = std::move(c->get_ref<std::string&>());
    section->erase(c);
  }
  const std::string id = section->value("id", "");
  if (previous && previous->content && *previous->content == content &&
      previous->wire.contains("section") && previous->wire["section"].value("id", "") == id) {
    f.content = previous->content;
    f.content_key = previous->content_key;
    f.content_message = previous->content_message;
  } else {
    f.content_key = text::fnv1a_hex(id + '\n' + content);
    f.content = std::make_shared<const std::string>(std::move(content));
    f.content_message = std::make_shared<const std::string>(
        json{{"type", "content"}, {"key", f.content_key}, {"section", id}, {"content", *f.content}}.dump());
  }
  (*section)["content_key"] = f.content_key;
}

}  // namespace

json Frame::full_public() const {
  json j = wire;
  if (auto s = j.find("section"); s != j.end() && s->is_object() && content) (*s)["content"] = *content;
  return j;
}

void Server::Impl::publish(json public_state, json admin_state) {
  // Built here, on the publishing thread, so the network thread only reads it.
  AdminContext context = admin_context_from(admin_state.is_null() ? public_state : admin_state);
  auto frame = std::make_shared<Frame>();
  frame->wire = std::move(public_state);
  frame->admin = std::move(admin_state);
  frame->answered = int_field(frame->wire, "answered");
  frame->participants = int_field(frame->wire, "participants");
  frame->version = int_field(frame->wire, "version");
  split_content(*frame, latest().get());
  bool post = false;
  {
    std::lock_guard lock(mutex_);
    frame->seq = ++published_;
    latest_ = std::move(frame);
    admin_context_ = std::move(context);
    post = running_ && !flush_posted_;
    if (post) flush_posted_ = true;
  }
  if (post) asio::post(*ioc_, [this] { flush(); });
}

FramePtr Server::Impl::latest() const {
  std::lock_guard lock(mutex_);
  return latest_;
}

// Decides what the latest frame means for fellows and remotes and sends it
// now or arms the timer:
//  - fellows: a full `state` when anything but the counters changed, else a
//    `live` message when the counters changed, else nothing;
//  - the first message after a quiet period goes out at once; under load
//    states wait for broadcast_interval_ms since the last message to fellows,
//    live messages also for live_interval_ms since the last live one; a
//    newer frame published meanwhile replaces the waiting one;
//  - remotes: the admin state when it changed (ignoring the clock fields) or
//    a second passed, at most once per broadcast_interval_ms.
void Server::Impl::flush() {
  FramePtr frame;
  {
    std::lock_guard lock(mutex_);
    frame = latest_;
    flush_posted_ = false;
  }
  if (!frame) return;
  const auto now = SteadyClock::now();
  const auto state_gap = std::chrono::milliseconds(std::max(0, options.broadcast_interval_ms));
  const auto live_gap = std::chrono::milliseconds(std::max(0, options.live_interval_ms));
  std::optional<SteadyClock::time_point> again;
  auto later = [&again](SteadyClock::time_point at) { again = again ? std::min(*again, at) : at; };

  if (frame->seq != fellows_seen_) {
    enum { Nothing, Live, State } need = Nothing;
    if (!fellows_base_ || !same_for_clients(frame->wire, fellows_base_->wire, false) || caught_up_ahead_)
      need = State;
    else if (frame->answered != answered_sent_ || frame->participants != participants_sent_)
      need = Live;
    SteadyClock::time_point at = now;
    if (need == State) at = fellows_at_ + state_gap;
    if (need == Live) at = std::max(fellows_at_ + state_gap, live_at_ + live_gap);
    if (need != Nothing && now < at) {
      later(at);
    } else {
      fellows_seen_ = frame->seq;
      if (need != Nothing && broadcast_fellows(frame, need == Live, now)) {
        fellows_at_ = now;
        if (need == Live) live_at_ = now;
      }
      if (need == State) fellows_base_ = frame, caught_up_ahead_ = false;
      if (need != Nothing) answered_sent_ = frame->answered, participants_sent_ = frame->participants;
    }
  }

  if (frame->seq != admins_seen_) {
    const json& admin = frame->admin.is_null() ? frame->wire : frame->admin;
    const bool changed = !admin_sent_ || !same_for_clients(admin, admin_sent_->admin.is_null() ? admin_sent_->wire
                                                                                               : admin_sent_->admin);
    if (!changed && now - admin_at_ < std::chrono::seconds(1)) {
      admins_seen_ = frame->seq;
    } else if (now < admin_at_ + state_gap) {
      later(admin_at_ + state_gap);
    } else {
      admins_seen_ = frame->seq;
      if (broadcast_admins(frame)) admin_at_ = now;
      admin_sent_ = frame;
    }
  }
  if (again) schedule_flush(*again);
}

void Server::Impl::schedule_flush(SteadyClock::time_point at) {
  if (flush_at_ && *flush_at_ <= at && *flush_at_ > SteadyClock::now()) return;  // an earlier one is armed
  flush_at_ = at;
  flush_timer_->expires_at(at);
  flush_timer_->async_wait([this](beast::error_code ec) {
    if (ec) return;
    flush_at_.reset();
    flush();
  });
}

void Server::Impl::send_fellow_state(WsSession& session, const FramePtr& frame, const Text& text) {
  if (frame->content_message && !session.knows_content(frame->content_key)) {
    session.send(frame->content_message, WsSession::Kind::Content);
    session.remember_content(frame->content_key);
  }
  session.send(text, WsSession::Kind::State);
  session.set_frame_seq(frame->seq);
}

// Fellows that do not hold this frame yet get it: a state (content first
// where needed) or a live message. False when nobody needed it.
bool Server::Impl::broadcast_fellows(const FramePtr& frame, bool live, SteadyClock::time_point) {
  // Copy: send() may drop a client, which removes it from sessions_.
  std::vector<std::shared_ptr<WsSession>> targets;
  for (auto& [raw, weak] : sessions_)
    if (!raw->admin() && raw->frame_seq() < frame->seq)
      if (auto s = weak.lock()) targets.push_back(std::move(s));
  if (targets.empty()) return false;
  Text text;
  if (live) {
    text = std::make_shared<const std::string>(json{{"type", "live"},
                                                    {"version", frame->version},
                                                    {"answered", frame->answered},
                                                    {"participants", frame->participants}}
                                                   .dump());
  } else {
    text = stamped(frame->wire);
  }
  for (auto& s : targets) {
    if (live) {
      s->send(text, WsSession::Kind::Live);
      s->set_frame_seq(frame->seq);
    } else {
      send_fellow_state(*s, frame, text);
    }
  }
  return true;
}

// Remotes get the full admin state; the public one (content inline) until an
// admin state is published.
bool Server::Impl::broadcast_admins(const FramePtr& frame) {
  std::vector<std::shared_ptr<WsSession>> targets;
  for (auto& [raw, weak] : sessions_)
    if (raw->admin())
      if (auto s = weak.lock()) targets.push_back(std::move(s));
  if (targets.empty()) return false;
  Text text = stamped(frame->admin.is_null() ? frame->full_public() : frame->admin);
  for (auto& s : targets) s->send(text, WsSession::Kind::State);
  return true;
}

void Server::Impl::catch_up(WsSession& session) {
  FramePtr frame = latest();
  if (!frame) return;
  if (session.admin()) {
    session.send(stamped(frame->admin.is_null() ? frame->full_public() : frame->admin), WsSession::Kind::State);
    return;
  }
  send_fellow_state(session, frame, stamped(frame->wire));
  // A state newer than the last broadcast: make sure the next flush brings
  // everyone there, even if the state goes back to what they hold meanwhile.
  if (fellows_base_ && frame->seq != fellows_base_->seq && !same_for_clients(frame->wire, fellows_base_->wire, false))
    caught_up_ahead_ = true;
}

Text Server::Impl::current_state(bool admin) const {
  FramePtr frame = latest();
  if (!frame) return nullptr;
  return stamped(admin && !frame->admin.is_null() ? frame->admin : frame->full_public());
}

json Server::Impl::admin_reply_state() const {
  FramePtr frame = latest();
  if (!frame) return nullptr;
  json state = frame->admin.is_null() ? frame->full_public() : frame->admin;
  state["server_time"] = wall_clock_ms();
  return state;
}

}  // namespace facilita::net
