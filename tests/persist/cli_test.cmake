# Runs the real `facilita` binary on a data directory built by make_delivery.
#   cmake -DFACILITA=... -DMAKE_DELIVERY=... -DWORK_DIR=... -P cli_test.cmake
cmake_minimum_required(VERSION 3.25)
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(DATA "${WORK_DIR}/data")

include(${CMAKE_CURRENT_LIST_DIR}/cli_lib.cmake)

run(0 "${MAKE_DELIVERY}" "${DATA}")

# deliveries
run(0 "${FACILITA}" deliveries --data "${DATA}")
expect("session" OUT)
expect("    1  m2-s3-gobierno-abierto       2023-11-14 22:13  ended" OUT)
expect("  here\n" OUT)
expect("    3  m2-s3-gobierno-abierto       2023-11-16 22:13  running" OUT)
run(0 "${FACILITA}" deliveries --data "${WORK_DIR}/empty")
expect("no deliveries recorded" OUT)

# export: CSV answers of the latest delivery (3) to stdout
run(0 "${FACILITA}" export --format csv --data "${DATA}")
expect("delivery,participant,section,prompt,round,prompt_text,kind,value,correct,hidden,time\n" OUT)
expect("3,\"Carla, MX #" OUT)
expect(",avance,q-etapa-entidad," OUT)
# CMake reads text with CRLF turned into LF; the bytes show the RFC 4180 line ends.
run(0 "${FACILITA}" export --format csv --out "${WORK_DIR}/a.csv" --data "${DATA}")
file(READ "${WORK_DIR}/a.csv" ANSWERS_HEX HEX)
expect("74696d650d0a332c416e6120" ANSWERS_HEX)  # "time\r\n3,Ana "
# export: timeline and JSON of delivery 1 to files
run(0 "${FACILITA}" export --delivery 1 --format csv --table timeline --out "${WORK_DIR}/t.csv" --data "${DATA}")
file(READ "${WORK_DIR}/t.csv" TIMELINE)
expect("1,7,quiz,Quiz de repaso,720,720,840,120,done" TIMELINE)
run(0 "${FACILITA}" export --delivery 2 --format json --out "${WORK_DIR}/d2.json" --data "${DATA}")
expect("d2.json: delivery 2 of m2-s3-gobierno-abierto" OUT)
file(READ "${WORK_DIR}/d2.json" JSON)
expect("\"format\": \"facilita-export\"" JSON)
expect("\"participant\": \"Dana \\\"D\\\" #" JSON)
string(JSON status GET "${JSON}" delivery status)
if(NOT status STREQUAL "ended")
  message(FATAL_ERROR "delivery 2 status: ${status}")
endif()

# report: text and HTML
run(0 "${FACILITA}" report --data "${DATA}" --html "${WORK_DIR}/report.html")
expect("3 deliveries (2 ended, 1 unfinished)" OUT)
expect("Runs long most often: quiz (2 of 2, avg +1:45)" OUT)
file(READ "${WORK_DIR}/report.html" HTML)
expect("<svg" HTML)
expect("Quiz de repaso" HTML)
expect("Mastery per objective" OUT)
expect("Dominio por objetivo" HTML)
expect("<html lang=\"es\">" HTML)
run(0 "${FACILITA}" report --data "${DATA}" --lang en --html "${WORK_DIR}/report-en.html")
file(READ "${WORK_DIR}/report-en.html" HTML)
expect("Mastery per objective" HTML)
run(0 "${FACILITA}" report m2-s3-gobierno-abierto --data "${DATA}")

# errors: usage -> 2; nothing recorded / unknown delivery / foreign file -> 1, named
run(2 "${FACILITA}" export --format xml --data "${DATA}")
run(2 "${FACILITA}" export --data "${DATA}")
run(1 "${FACILITA}" export --format csv --delivery 99 --data "${DATA}")
expect("no delivery 99" ERR)
run(1 "${FACILITA}" export --format csv --data "${WORK_DIR}/empty")
expect("no journal here yet" ERR)
run(1 "${FACILITA}" report nope --data "${DATA}")
file(MAKE_DIRECTORY "${WORK_DIR}/foreign")
file(WRITE "${WORK_DIR}/foreign/facilita.sqlite3" "this is not a database, keep it")
run(1 "${FACILITA}" report --data "${WORK_DIR}/foreign")
expect("foreign/facilita.sqlite3: is not an SQLite database" ERR)
file(READ "${WORK_DIR}/foreign/facilita.sqlite3" KEPT)
if(NOT KEPT STREQUAL "this is not a database, keep it")
  message(FATAL_ERROR "the foreign file was modified")
endif()
message(STATUS "cli export/report/deliveries: ok")
