# Configures lina with -DLINA_BLAS=OpenBLAS (must succeed and say so) and with an
# unsupported backend (must fail naming the supported values). Configure only: the
# build with the backend is covered by lina_blas_backend_test.
file(REMOVE_RECURSE ${WORK})
set(common -DLINA_BUILD_TESTS=OFF -DLINA_BUILD_EXAMPLES=OFF -DLINA_BUILD_TOOLS=OFF -DLINA_BUILD_BENCH=OFF)
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE} -B ${WORK}/openblas -G ${GENERATOR} -DLINA_BLAS=OpenBLAS ${common}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "float GEMM backend OpenBLAS")
  message(FATAL_ERROR "configuring with -DLINA_BLAS=OpenBLAS failed (${rc}):\n${out}\n${err}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE} -B ${WORK}/bad -G ${GENERATOR} -DLINA_BLAS=MKL ${common}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(rc EQUAL 0 OR NOT err MATCHES "LINA_BLAS='MKL': supported values are empty")
  message(FATAL_ERROR "-DLINA_BLAS=MKL should fail naming the supported values (${rc}):\n${out}\n${err}")
endif()
file(REMOVE_RECURSE ${WORK})
message(STATUS "LINA_BLAS=OpenBLAS configures; LINA_BLAS=MKL is refused")
