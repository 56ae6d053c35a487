# Optional BLAS backend (docs/gemm.md, "Backends"): -DLINA_BLAS=OpenBLAS sends float32
# and float64 2-D products whose operands have a unit stride to cblas_sgemm/cblas_dgemm;
# everything else (batches run in parallel, matrix-vector, other strides, other dtypes)
# stays on lina's own kernels. Off by default. lina::gemm_info() and `lina info` name
# the backend that runs.
set(LINA_BLAS "" CACHE STRING "BLAS backend for float GEMM: empty (lina's own GEMM) or OpenBLAS")
set_property(CACHE LINA_BLAS PROPERTY STRINGS "" OpenBLAS)
if(LINA_BLAS STREQUAL "OpenBLAS")
  # Debian's libopenblas-dev (pthread flavour) keeps cblas.h and the library in
  # multiarch subdirectories; other systems have them on the default paths.
  find_path(LINA_OPENBLAS_INCLUDE_DIR cblas.h
    PATHS /usr/include/${CMAKE_LIBRARY_ARCHITECTURE}/openblas-pthread /usr/include/openblas
    NO_DEFAULT_PATH)
  find_path(LINA_OPENBLAS_INCLUDE_DIR cblas.h PATH_SUFFIXES openblas)
  find_library(LINA_OPENBLAS_LIBRARY openblas PATHS /usr/lib/${CMAKE_LIBRARY_ARCHITECTURE}/openblas-pthread)
  if(NOT LINA_OPENBLAS_INCLUDE_DIR OR NOT LINA_OPENBLAS_LIBRARY)
    message(FATAL_ERROR "LINA_BLAS=OpenBLAS: cblas.h or libopenblas not found (Debian: apt-get install libopenblas-dev)")
  endif()
  # Only the GEMM driver sees cblas.h, so the rest of the library compiles as without it.
  set_source_files_properties(${PROJECT_SOURCE_DIR}/src/kernels/gemm_driver.cpp PROPERTIES
    COMPILE_DEFINITIONS LINA_BLAS_OPENBLAS=1
    INCLUDE_DIRECTORIES ${LINA_OPENBLAS_INCLUDE_DIR})
  target_link_libraries(lina PRIVATE ${LINA_OPENBLAS_LIBRARY})
  message(STATUS "lina: float GEMM backend OpenBLAS (${LINA_OPENBLAS_LIBRARY})")
elseif(NOT LINA_BLAS STREQUAL "")
  message(FATAL_ERROR "LINA_BLAS='${LINA_BLAS}': supported values are empty (lina's own GEMM) and OpenBLAS")
endif()
