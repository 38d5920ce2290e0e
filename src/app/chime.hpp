// The cue chime: a short bell-like sound the program synthesises itself (a few
// sine partials under a soft attack and an exponential decay, in memory),
// played through PortAudio on the chime's own thread so the console never
// waits for the sound card. Without an audio device it says so once on stderr
// and stays silent: never a crash, never a hang.
#pragma once
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "core/lang.hpp"

namespace facilita {

inline constexpr int kChimeSampleRate = 44100;

// The chime's samples, mono float in [-1, 1], about 0.9 s long.
std::vector<float> synthesize_chime(int sample_rate = kChimeSampleRate);

class Chime {
 public:
  explicit Chime(Lang lang);  // starts the audio thread (it opens PortAudio; the caller does not wait)
  ~Chime();  // lets a chime under way finish, then stops the thread
  Chime(const Chime&) = delete;
  Chime& operator=(const Chime&) = delete;

  // Asks for one chime; returns at once. Requests while one plays are merged.
  void play();

 private:
  void run();
  void notice_no_audio();

  std::vector<float> samples_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool pending_ = false;
  bool stop_ = false;
  bool noticed_ = false;
  Lang lang_;  // of the no-audio notice
  std::thread thread_;
};

}  // namespace facilita
