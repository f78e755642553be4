;;; finplan's language server for YAML files, with eglot (built into Emacs 29 and newer;
;;; for Emacs 28, install the eglot package, and yaml-mode). Put it in your init file.
(require 'eglot)
(add-to-list 'eglot-server-programs '((yaml-mode yaml-ts-mode) . ("finplan" "server")))
(add-hook 'yaml-mode-hook #'eglot-ensure)
(add-hook 'yaml-ts-mode-hook #'eglot-ensure)
