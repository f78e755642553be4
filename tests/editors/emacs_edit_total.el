;;; Run by tests/test_server_emacs.py in `emacs --batch`: loads the recipe of docs/editors.md,
;;; opens a plan, changes its total as a user would, and writes the diagnostics Flymake then
;;; holds for the buffer as JSON. Every wait is bounded.
(require 'json)
(require 'flymake)

(defconst finplan-wait-seconds 20)

(defun finplan-found ()
  "The buffer's diagnostics, each with the LSP diagnostic eglot made it from."
  (flymake-start)
  (mapcar (lambda (d)
            (let ((lsp (alist-get 'eglot-lsp-diag (flymake-diagnostic-data d)))
                  (beg (flymake-diagnostic-beg d)))
              (list (cons 'line (1- (line-number-at-pos beg)))
                    (cons 'col (save-excursion (goto-char beg) (current-column)))
                    (cons 'code (plist-get lsp :code))
                    (cons 'severity (symbol-name (flymake-diagnostic-type d)))
                    (cons 'message (flymake-diagnostic-text d)))))
          (flymake-diagnostics)))

(defun finplan-wait (test)
  "Waits for the server's messages until TEST holds, for at most `finplan-wait-seconds'."
  (with-timeout (finplan-wait-seconds nil)
    (while (not (funcall test))
      (accept-process-output nil 0.05))
    t))

(defun finplan-has (code)
  (seq-some (lambda (d) (or (null code) (equal (alist-get 'code d) code))) (finplan-found)))

(defun finplan-drive ()
  ;; An interactive Emacs activates its installed packages (yaml-mode's file names) at startup;
  ;; batch Emacs leaves that to the caller.
  (package-activate-all)
  (load (getenv "FINPLAN_RECIPE") nil t)
  (find-file (getenv "FINPLAN_PLAN"))
  ;; eglot-ensure connects from the command loop, once the command that visited the file is
  ;; done: batch Emacs has no command loop, so its hook is run here as the loop would run it.
  (run-hooks 'post-command-hook)
  (let* ((opened (finplan-wait (lambda () (finplan-has nil))))
         (before (finplan-found)))
    (goto-char (point-min))
    (re-search-forward "^total:.*$")
    (replace-match "total: 40 000 000")
    ;; eglot sends a change once Emacs is idle; saving sends it at once, as a user's save does.
    (save-buffer)
    (let ((edited (finplan-wait (lambda () (finplan-has "FP101")))))
      `((version . ,emacs-version)
        (opened . ,(if opened t :json-false)) (before . ,(vconcat before))
        (edited . ,(if edited t :json-false)) (diagnostics . ,(vconcat (finplan-found)))))))

(let ((result (condition-case err (finplan-drive) (error `((error . ,(error-message-string err)))))))
  (with-temp-file (getenv "FINPLAN_OUT")
    (insert (json-encode result))))
(kill-emacs 0)
