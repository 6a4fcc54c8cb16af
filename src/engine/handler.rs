//! Answers engine requests by calling the domain. No DOM, no messaging: the transport
//! (worker or in-page) is someone else's job.
use super::protocol::{Request, Response};

#[derive(Default)]
pub struct Engine {}

impl Engine {
    pub fn handle(&mut self, req: Request) -> Response {
        match req {
            Request::Ping => Response::Pong { version: env!("CARGO_PKG_VERSION").to_string() },
        }
    }
}
