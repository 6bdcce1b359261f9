package api

import (
	_ "embed"
	"net/http"
	"time"

	"github.com/vetoscreen/veto/screen"
)

//go:embed openapi.json
var openapiDoc []byte

func (s *Server) openapi(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json")
	_, err := w.Write(openapiDoc)
	return err
}

type health struct {
	Status  string      `json:"status"`
	Version string      `json:"version"`
	Data    screen.Data `json:"data"`
}

// healthz says the process is up, whatever it serves.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) error {
	data := screen.DataNone
	if snap := info(r).snap; snap != nil {
		data = snap.Data
	}
	writeJSON(w, http.StatusOK, health{Status: "ok", Version: s.cfg.Version, Data: data})
	return nil
}

type readiness struct {
	Status   string      `json:"status"`
	Data     screen.Data `json:"data"`
	Entities int         `json:"entities"`
	Lists    int         `json:"lists"`
	LoadedAt time.Time   `json:"loadedAt"`
}

// readyz says whether screening is possible: 503 until an index is
// loaded (the real lists, or the demo dataset, which Veto-Data and the
// body say).
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) error {
	snap, err := s.snapshot(r)
	if err != nil || snap.Data == screen.DataNone {
		return screen.ErrNotReady
	}
	writeJSON(w, http.StatusOK, readiness{Status: "ok", Data: snap.Data, Entities: snap.Entities, Lists: len(snap.Versions), LoadedAt: snap.LoadedAt})
	return nil
}

func (s *Server) metricsHandler(w http.ResponseWriter, r *http.Request) error {
	if s.metrics == nil {
		return errorf(CodeNotFound, "metrics are off")
	}
	s.metrics.Handler().ServeHTTP(w, r)
	return nil
}
