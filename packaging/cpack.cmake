# `cpack -G DEB` in the build folder makes transferlab_<version>_<arch>.deb from the install rules.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME transferlab)
set(CPACK_PACKAGE_VENDOR "The TransferLab developers")
set(CPACK_PACKAGE_CONTACT "The TransferLab developers <developers@transferlab.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "desktop lab for transfer-learning experiments on images")
set(CPACK_PACKAGE_DESCRIPTION
    "Pick a known network (LeNet, AlexNet, VGG, GoogLeNet, ResNet, DenseNet, U-Net), load pretrained
weights, freeze some layers and retrain the rest on your own image folder, with live curves,
block diagrams, resumable runs, reports and a headless command line.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY transferlab)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Shared-library dependencies come from dpkg-shlibdeps; the rest are loaded at run time
# (BLAS through LibTorch, Qt's platform plugins, the CJK font for Korean text and reports).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libopenblas0-pthread, qt6-qpa-plugins, fonts-noto-cjk")
include(CPack)
