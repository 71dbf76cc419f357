# A board firmware image: the port in ports/${EAVE_BOARD}, the portable boot, the core.
set(board_dir ${CMAKE_CURRENT_SOURCE_DIR}/ports/${EAVE_BOARD})
if(NOT EAVE_BOARD OR NOT EXISTS ${board_dir}/board.c)
  message(FATAL_ERROR "EAVE_BOARD='${EAVE_BOARD}' names no port; expected one of: qemu-arm, qemu-riscv")
endif()

add_executable(eave-firmware ports/boot.c ${board_dir}/board.c)
set_target_properties(eave-firmware PROPERTIES OUTPUT_NAME eave-${EAVE_BOARD} SUFFIX .elf)
target_include_directories(eave-firmware PRIVATE ports)
target_compile_options(eave-firmware PRIVATE -Os -g)
target_compile_definitions(eave-firmware PRIVATE EAVE_FIRMWARE_VERSION="${PROJECT_VERSION}")
target_link_libraries(eave-firmware PRIVATE eave_core)
target_link_options(eave-firmware PRIVATE
  -T ${board_dir}/board.ld
  -Wl,-Map=${CMAKE_CURRENT_BINARY_DIR}/eave-${EAVE_BOARD}.map)
set_target_properties(eave-firmware PROPERTIES LINK_DEPENDS ${board_dir}/board.ld)
# The size report (text, data, bss) that docs/firmware.md quotes.
add_custom_command(TARGET eave-firmware POST_BUILD
  COMMAND ${EAVE_SIZE_TOOL} $<TARGET_FILE:eave-firmware>
  COMMAND ${EAVE_SIZE_TOOL} $<TARGET_FILE:eave-firmware> > ${CMAKE_CURRENT_BINARY_DIR}/eave-${EAVE_BOARD}.size)
# What the firmware plugin's manifest says of this image (checksum and size are added there).
file(GENERATE OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/eave-${EAVE_BOARD}.properties CONTENT
"board=${EAVE_BOARD}
version=${PROJECT_VERSION}
file=eave-${EAVE_BOARD}.elf
")
