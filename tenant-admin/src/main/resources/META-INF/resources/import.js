// Shows the upload's progress while a CSV file goes to the console, then that the platform is
// working through it. Without scripts the form still posts normally; this only adds the bar.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('import-form');
  if (!form || !window.XMLHttpRequest) {
    return;
  }
  form.addEventListener('submit', (event) => {
    if (!form.reportValidity()) {
      return;
    }
    event.preventDefault();
    const box = document.getElementById('import-progress');
    const bar = document.getElementById('import-bar');
    const stage = document.getElementById('import-stage');
    const submit = document.getElementById('import-submit');
    box.hidden = false;
    submit.disabled = true;
    stage.textContent = stage.dataset.uploading;
    const request = new XMLHttpRequest();
    request.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) {
        bar.value = Math.round((e.loaded / e.total) * 100);
      }
    });
    request.upload.addEventListener('load', () => {
      bar.removeAttribute('value');
      stage.textContent = stage.dataset.working;
    });
    request.addEventListener('load', () => {
      // The answer is the whole page with the outcome (or an error page): show it as a normal post would.
      document.open();
      document.write(request.responseText);
      document.close();
      if (request.responseURL) {
        history.replaceState(null, '', request.responseURL);
      }
    });
    request.addEventListener('error', () => form.submit());
    request.open('POST', form.action);
    request.send(new FormData(form));
  });
});
