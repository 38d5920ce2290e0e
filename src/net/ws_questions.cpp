// Fellow questions over the socket: ask and upvote. Like answers, the ack is
// sent only once the main thread has committed the event to the journal (or
// found it a duplicate); an ask's ack names the question.
#include "net/detail.hpp"

namespace facilita::net {

using nlohmann::json;

void WsSession::handle_ask(AskMsg& ask) {
  if (participant_.empty()) return send_error({"not-joined", "send hello first", ask.seq});
  const auto seq = ask.seq;
  hub_.enqueue(Inbound{cmd::Ask{participant_, std::move(ask.text), ask.anonymous, seq}, false,
                       reply_to([seq](WsSession& self, const DispatchResult& r) {
                         if (!r.ok) return self.send_error(public_error(r, seq));
                         json ack = ack_json(seq, r.duplicate);
                         ack["question"] = r.question.empty() ? json(nullptr) : json(r.question);
                         self.send_json(ack);
                       })});
}

void WsSession::handle_upvote(UpvoteMsg& upvote) {
  if (participant_.empty()) return send_error({"not-joined", "send hello first", upvote.seq});
  const auto seq = upvote.seq;
  hub_.enqueue(Inbound{cmd::Upvote{participant_, std::move(upvote.question), seq}, false,
                       reply_to([seq](WsSession& self, const DispatchResult& r) {
                         if (r.ok) return self.send_json(ack_json(seq, r.duplicate));
                         self.send_error(public_error(r, seq));
                       })});
}

}  // namespace facilita::net
