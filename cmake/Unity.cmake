# Unity builds (CMAKE_UNITY_BUILD=ON, as scripts/test configures the test build):
# each target's sources are compiled in batches, one translation unit per batch,
# so the heavy headers (Beast, doctest, nlohmann-json) are parsed once per batch.
# Files in one batch share their anonymous namespaces: a file that defines a
# file-local name another file of its target defines too is compiled on its own.
# When a new file clashes (error "redefinition of ... {anonymous}::name"), add it here.
set(facilita_unity_alone
  src/core/engine_answers.cpp   # unknown_prompt (engine_prompts.cpp)
  src/core/engine_steps.cpp     # kSecond (timing.cpp)
  src/net/limits.cpp            # iequals (static_files.cpp)
  src/net/fellow_decoder.cpp    # status_of (follower_store.cpp)
  src/net/follower_client.cpp   # its Impl holds anonymous-namespace types: -Wsubobject-linkage once included
  src/app/cmd_join.cpp          # remember_glfw_error (cmd_run.cpp)
  src/ui/author_view.cpp        # kRootFlags (console_view.cpp)
  src/persist/report_html.cpp   # rounded (report.cpp)
  tests/core/test_questions.cpp # Fixture (test_answers.cpp)
  tests/core/test_room.cpp      # Fixture (test_answers.cpp)
  tests/core/test_personal.cpp  # Quiz, quiz_session (test_integrity.cpp)
  tests/net/test_questions.cpp  # error_of, message_of (test_protocol.cpp)
  tests/net/test_personal.cpp   # answer (test_server.cpp)
  tests/fuzz/fuzz_protocol.cpp  # its anonymous helpers next to src/net/protocol.cpp's
)
# Only directories this configuration added (src/ui is not there without the GUI).
set(added ${PROJECT_SOURCE_DIR})
set(pending ${PROJECT_SOURCE_DIR})
while(pending)
  list(POP_FRONT pending dir)
  get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
  list(APPEND added ${subdirs})
  list(APPEND pending ${subdirs})
endwhile()
foreach(file ${facilita_unity_alone})
  get_filename_component(dir ${PROJECT_SOURCE_DIR}/${file} DIRECTORY)
  if(dir IN_LIST added)
    set_source_files_properties(${PROJECT_SOURCE_DIR}/${file} DIRECTORY ${dir}
                                PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
  endif()
endforeach()
