# Cross toolchain for the qemu-riscv board (rv32imac, virt): Debian's gcc-riscv64-unknown-elf
# with picolibc. Compile for rv32imac_zicsr (the CSR instructions) but link for plain rv32imac:
# the driver's multilib matcher does not know _zicsr and would pick the 64-bit libraries.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR riscv32)
set(CMAKE_C_COMPILER riscv64-unknown-elf-gcc)
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
set(CMAKE_C_FLAGS_INIT "-march=rv32imac_zicsr -mabi=ilp32 -mcmodel=medany --specs=picolibc.specs -ffunction-sections -fdata-sections")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-march=rv32imac -mabi=ilp32 -nostartfiles -Wl,--gc-sections -Wl,--entry=_start")
set(EAVE_SIZE_TOOL riscv64-unknown-elf-size)
