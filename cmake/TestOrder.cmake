# facilita_start_first(COST): every test of the calling directory gets COST, so
# ctest starts it before the (cost 0) unit tests. For the scripted tests: they
# take seconds and mostly wait, and the many short unit tests then fill the gaps
# instead of trailing behind. Test names may hold ';', which splits the TESTS list:
# pieces are joined back until they name a test.
function(facilita_start_first cost)
  get_directory_property(pieces TESTS)
  set(name "")
  foreach(piece IN LISTS pieces)
    if(name STREQUAL "")
      set(name "${piece}")
    else()
      string(APPEND name "\;${piece}")
    endif()
    if(TEST "${name}")
      set_tests_properties("${name}" PROPERTIES COST ${cost})
      set(name "")
    endif()
  endforeach()
endfunction()
