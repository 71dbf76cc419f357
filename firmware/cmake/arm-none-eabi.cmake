# Cross toolchain for the qemu-arm board (Cortex-M3, mps2-an385): Debian's gcc-arm-none-eabi
# with picolibc.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)
set(CMAKE_C_COMPILER arm-none-eabi-gcc)
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
set(EAVE_ARCH_FLAGS "-mcpu=cortex-m3 -mthumb -mfloat-abi=soft")
set(CMAKE_C_FLAGS_INIT "${EAVE_ARCH_FLAGS} --specs=picolibc.specs -ffunction-sections -fdata-sections")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-nostartfiles -Wl,--gc-sections -Wl,--entry=reset_handler")
set(EAVE_SIZE_TOOL arm-none-eabi-size)
