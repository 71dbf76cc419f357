# A board firmware image: the port in ports/${EAVE_BOARD}, the portable boot (ports/boot.c) and
# the whole device: VM, device link, program store, management and the device glue.
set(board_dir ${CMAKE_CURRENT_SOURCE_DIR}/ports/${EAVE_BOARD})
if(NOT EAVE_BOARD OR NOT EXISTS ${board_dir}/board.c)
  message(FATAL_ERROR "EAVE_BOARD='${EAVE_BOARD}' names no port; expected one of: qemu-arm, qemu-riscv")
endif()

# Limits of a board, sized for its 256 KiB of RAM (docs/firmware.md, "Memory"). Each may be
# overridden on the cmake command line (-DEAVE_DEVICE_QUOTA=32768). They apply to every area of
# the image, so the structs they size agree between the libraries and the boot.
set(EAVE_DEVICE_QUOTA 16384 CACHE STRING
  "Heap bytes per container; the VM takes twice that (its copying collector's two halves)")
set(EAVE_DEVICE_OUTBOX 4096 CACHE STRING
  "Bytes of console output and events waiting for the link (eight full frames)")
set(EAVE_TASK_STACK_SLOTS 1024 CACHE STRING
  "Values per task stack: 4 KiB on a 32-bit board instead of the host's 16 KiB")
set(EAVE_TASK_MAX_FRAMES 128 CACHE STRING
  "Call frames per task (28 bytes each); deeper recursion throws STACK_OVERFLOW")
add_compile_definitions(
  EAVE_DEVICE_QUOTA=${EAVE_DEVICE_QUOTA}u
  EAVE_DEVICE_OUTBOX=${EAVE_DEVICE_OUTBOX}u
  EAVE_TASK_STACK_SLOTS=${EAVE_TASK_STACK_SLOTS}u
  EAVE_TASK_MAX_FRAMES=${EAVE_TASK_MAX_FRAMES}u)
# Everything is built for size, with sections the linker can drop when unused.
add_compile_options(-Os -g)

# picolibc's libm comes with -lm; never let the VM's find_library pick the host's libm.
set(EAVE_LIBM m CACHE STRING "The math library the VM links (picolibc's, by name)")
foreach(area link vm device)
  add_subdirectory(${area})
endforeach()
# The debug agent on the debug channel, with a smaller outbox and reference table than the host's.
set(EAVE_DEBUG_OUTBOX 1024 CACHE STRING "Bytes of debug answers and events waiting for the link")
set(EAVE_MAX_DEBUG_REFERENCES 256 CACHE STRING "Objects the debug agent hands out per stop")
add_compile_definitions(EAVE_DEBUG_OUTBOX=${EAVE_DEBUG_OUTBOX}u EAVE_MAX_DEBUG_REFERENCES=${EAVE_MAX_DEBUG_REFERENCES}u
  EAVE_DEBUG_MAX_RANGES=64u)
add_subdirectory(../vm-debug-agent vm-debug-agent)

add_executable(eave-firmware ports/boot.c ${board_dir}/board.c)
set_target_properties(eave-firmware PROPERTIES OUTPUT_NAME eave-${EAVE_BOARD} SUFFIX .elf)
target_include_directories(eave-firmware PRIVATE ports)
target_compile_definitions(eave-firmware PRIVATE
  EAVE_FIRMWARE_VERSION="${PROJECT_VERSION}" EAVE_BOARD_ID="${EAVE_BOARD}")
target_link_libraries(eave-firmware PRIVATE eave_link eave_device_vm eave_debug_agent eave_core)
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
