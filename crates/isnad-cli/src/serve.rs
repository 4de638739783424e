//! `isnad serve`: the web app and the HTTP JSON API over a store.

use anyhow::{Context, Result};
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

/// Serves the store in `store` on `addr` until Ctrl-C.
pub fn run(store: &Path, addr: SocketAddr) -> Result<()> {
    let corpus = Arc::new(crate::corpus::open(store)?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("cannot listen on {addr}"))?;
        let local = listener.local_addr()?;
        eprintln!(
            "isnad: serving {} on http://{local}/ (web app; JSON API under /api/, OpenAPI at /api/openapi.json); Ctrl-C stops",
            store.display()
        );
        let router = isnad_server::router(corpus, &isnad_server::ServerConfig::default());
        isnad_server::serve(listener, router).await?;
        Ok(())
    })
}
